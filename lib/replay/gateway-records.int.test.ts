// The one writer and the replay together: requests through the real gateway leave records whose
// replay input holds what decide() saw (never prompt text), and replaying the policy they were
// decided under gives back the choice each of them recorded.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startGatewayFixture, type GatewayFixture } from "@/lib/gateway/testing/gateway-fixture";
import { readReplayInput } from "./replay-input";
import { runWhatIf } from "./run-what-if";

let gw: GatewayFixture;
let client: OpenAI;
let version: number;
const ids: string[] = [];
const CARD = "4111 1111 1111 1111";

async function send(content: string, model = "auto", headers: Record<string, string> = {}) {
  const { response } = await client.chat.completions.create({ model, messages: [{ role: "user", content }] }, { headers }).withResponse();
  ids.push(response.headers.get("x-switchyard-decision") ?? "");
}

beforeAll(async () => {
  gw = await startGatewayFixture("replay-records");
  version = await gw.republish();
  client = new OpenAI({ baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, maxRetries: 0 });
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.setReply({ text: "ok" });
  await send(`Refund card ${CARD} please`);
  await send("Plan the migration of our billing system in detail.", "auto", { "x-switchyard-difficulty": "hard" });
  await send("Summarise the printer ticket.", "tier:hosted-open");
  await send("Summarise the VPN ticket.");
  await gw.flushLedger();
});
afterAll(async () => gw?.stop());

describe("replay inputs written by the gateway", () => {
  it("keep the declared difficulty, the pin and the findings with their classes, and no prompt text", async () => {
    const records = await getDb().decisionRecord.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(records).toHaveLength(4);
    const [card, hard, pinned] = records.map((record) => readReplayInput(record.replayInput));
    expect(card?.findings).toEqual([expect.objectContaining({ type: "payment_card", count: 1, dataClass: "restricted" })]);
    expect(hard?.declaredDifficulty).toBe("hard");
    expect(pinned?.pin).toEqual({ kind: "tier", tierKey: "hosted-open" });
    for (const record of records) {
      expect(JSON.stringify(record.replayInput)).not.toMatch(/4111|Refund|printer|billing|VPN/);
    }
  });

  it("replayed under the policy they were decided under, they keep their tier and model", async () => {
    const result = await runWhatIf({ source: { kind: "version", number: version }, days: 1, now: new Date(Date.now() + 1_000) });
    expect(result.summary.replayed).toBeGreaterThanOrEqual(4);
    expect(result.summary.skipped).toBe(0);
    expect(result.summary).toMatchObject({ changedTier: 0, changedModel: 0, newlyRefused: 0, newlyServed: 0, dataClassViolations: 0 });
    // Recorded costs are stored to 8 decimal places.
    expect(result.summary.replayCostUsd).toBeCloseTo(result.summary.actualCostUsd, 7);
  });
});
