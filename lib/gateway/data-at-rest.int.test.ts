// Nothing sensitive at rest, and answers scanned too: prompts are stored only where the feature
// allows it and the class is below the data rules' ceiling (restricted never), hashes are keyed,
// and what a model says is counted and, for the types the data rules name, masked.
import { createHash } from "node:crypto";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startGatewayFixture, type GatewayFixture } from "./testing/gateway-fixture";

let gw: GatewayFixture;
let client: OpenAI;
const CARD = "4111 1111 1111 1111";

beforeAll(async () => {
  gw = await startGatewayFixture("at-rest");
  const db = getDb();
  await db.feature.update({ where: { key: "support-summaries" }, data: { allowPromptLogging: true } });
  await db.dataRuleSettings.upsert({ where: { id: 1 }, create: { id: 1, maskedAnswerFindings: ["payment_card"] }, update: { maskedAnswerFindings: ["payment_card"] } });
  await gw.republish();
  client = new OpenAI({ baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, maxRetries: 0 });
});
afterAll(async () => gw?.stop());
beforeEach(() => {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
});

async function recordOf(id: string | null) {
  await gw.flushLedger();
  return getDb().decisionRecord.findUniqueOrThrow({ where: { id: id ?? "" } });
}

describe("prompts at rest", () => {
  it("never stores a restricted prompt, even where the feature allows logging", async () => {
    gw.local.setReply({ text: "ok" });
    const { response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: `Refund card ${CARD}` }] }).withResponse();
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.dataClass).toBe("restricted");
    expect(record.prompt).toBeNull();
  });

  it("stores an internal prompt where the feature allows it, under a keyed hash", async () => {
    gw.local.setReply({ text: "ok" });
    const text = "Summarise the printer ticket";
    const { response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: text }] }).withResponse();
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.prompt).toBe(text);
    expect(record.promptSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.promptSha256).not.toBe(createHash("sha256").update(text).digest("hex"));
  });
});

describe("answers", () => {
  it("masks a card in a JSON answer and records what the answer held", async () => {
    gw.local.setReply({ text: `The card on file is ${CARD}.` });
    const { data, response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Which card is on file?" }] }).withResponse();
    expect(data.choices[0]?.message.content).toBe("The card on file is [masked payment_card].");
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.answerFindings).toEqual([{ type: "payment_card", count: 1, masked: true }]);
    expect(JSON.stringify(record)).not.toContain("4111 1111");
  });

  it("masks a card split across stream chunks", async () => {
    gw.local.setReply({ chunks: ["The card on file ", "is 4111 11", "11 1111 1111", " — keep it safe."] });
    const { data: stream, response } = await client.chat.completions.create({ model: "auto", stream: true, messages: [{ role: "user", content: "Which card?" }] }).withResponse();
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("The card on file is [masked payment_card] — keep it safe.");
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.answerFindings).toEqual([{ type: "payment_card", count: 1, masked: true }]);
  });
});
