// The gateway end to end over HTTP, driven by the official openai SDK, against fake upstreams
// that speak each provider's wire protocol, on a real PostgreSQL database.
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startGatewayFixture, type GatewayFixture } from "./testing/gateway-fixture";

let gw: GatewayFixture;
let client: OpenAI;

// Stripe's documented test card (passes Luhn) and the same number with its last digit changed.
const VALID_CARD = "4242 4242 4242 4242";
const INVALID_CARD = "4242 4242 4242 4241";

beforeAll(async () => {
  gw = await startGatewayFixture("routing");
  client = new OpenAI({ baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, maxRetries: 0 });
});
afterAll(async () => gw?.stop());
beforeEach(() => {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
  gw.resetHealth();
});

async function decisionOf(id: string) {
  const response = await fetch(`${gw.origin}/api/v1/decisions/${id}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
  expect(response.status).toBe(200);
  return response.json();
}

describe("the OpenAI-compatible endpoint with the official SDK", () => {
  it("answers a routine request from the local tier, with the routing headers", async () => {
    gw.local.setReply({ text: "Ticket summarised." });
    const { data, response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Summarise: printer on floor 3 is jammed." }] }).withResponse();
    expect(data.choices[0]?.message.content).toBe("Ticket summarised.");
    expect(data.object).toBe("chat.completion");
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-switchyard-tier")).toBe("local");
    expect(response.headers.get("x-switchyard-model")).toBe("llama-3.1-8b");
    expect(response.headers.get("x-switchyard-decision")).toMatch(/^[0-9a-f-]{36}$/);
    expect(gw.local.requests).toHaveLength(1);
    expect(gw.local.requests[0]?.headers.authorization).toBe("Bearer local-secret");
    expect(gw.local.requests[0]?.body.model).toBe("llama3.1:8b");
  });

  it("streams OpenAI chunks ending with a usage chunk and [DONE]", async () => {
    gw.local.setReply({ chunks: ["Str", "eam", "ed."], usage: { inputTokens: 12, outputTokens: 3 } });
    const stream = await client.chat.completions.create({ model: "auto", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "Say streamed." }] });
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish ??= chunk.choices[0]?.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe("Streamed.");
    expect(finish).toBe("stop");
    expect(usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 });
  });

  it("lists auto, the tier pins and the enabled model aliases", async () => {
    const models = await client.models.list();
    const ids = models.data.map((model) => model.id);
    expect(ids.slice(0, 4)).toEqual(["auto", "tier:local", "tier:hosted-open", "tier:frontier"]);
    expect(ids).toContain("claude-sonnet");
  });
});

describe("data classes fail closed", () => {
  it("keeps a request with a valid card number on local when the router decides", async () => {
    const { data, response } = await client.chat.completions
      .create({ model: "auto", messages: [{ role: "user", content: `Refund card ${VALID_CARD}, the customer was double charged.` }] }, { headers: { "x-switchyard-difficulty": "hard" } })
      .withResponse();
    expect(data.choices[0]?.message.content).toBeTruthy();
    expect(response.headers.get("x-switchyard-tier")).toBe("local");
    expect(gw.hosted.requests).toHaveLength(0);
    expect(gw.frontier.requests).toHaveLength(0);
    const decision = await decisionOf(response.headers.get("x-switchyard-decision")!);
    expect(decision.dataClass).toBe("restricted");
    expect(decision.findings).toEqual([{ type: "payment_card", count: 1 }]);
    expect(JSON.stringify(decision)).not.toContain("4242");
  });

  it("refuses with 403 when the same text is pinned to the frontier tier", async () => {
    const attempt = client.chat.completions.create({ model: "tier:frontier", messages: [{ role: "user", content: `Refund card ${VALID_CARD}.` }] });
    await expect(attempt).rejects.toMatchObject({ status: 403, code: "data_class_forbidden" });
    expect(gw.frontier.requests).toHaveLength(0);
    expect(gw.hosted.requests).toHaveLength(0);
  });

  it("routes the same text with a checksum-failing number as ordinary text", async () => {
    const { response } = await client.chat.completions.create({ model: "tier:frontier", messages: [{ role: "user", content: `Refund card ${INVALID_CARD}.` }] }).withResponse();
    expect(response.headers.get("x-switchyard-tier")).toBe("frontier");
    expect(gw.frontier.requests).toHaveLength(1);
    const decision = await decisionOf(response.headers.get("x-switchyard-decision")!);
    expect(decision.dataClass).toBe("internal");
    expect(decision.findings).toEqual([]);
  });

  it("never falls back outside the allowed tiers: restricted with local down is a 503", async () => {
    gw.local.setReply({ failWith: { status: 500, message: "GPU fell over" } });
    const attempt = client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: `Card ${VALID_CARD}` }] });
    await expect(attempt).rejects.toMatchObject({ status: 503, code: "all_candidates_failed" });
    expect(gw.hosted.requests).toHaveLength(0);
    expect(gw.frontier.requests).toHaveLength(0);
  });

  it("once the local circuits are open, restricted is a 503 no_candidate that says when to retry", async () => {
    gw.local.setReply({ failWith: { status: 500, message: "GPU fell over" } });
    const ask = () => client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: `Card ${VALID_CARD}` }] }).catch((error: unknown) => error);
    // Failures open the circuits after a few requests (the breaker's threshold); then the engine refuses up front.
    let answer = await ask();
    for (let sent = 1; sent < 20 && (answer as { code?: string }).code !== "no_candidate"; sent++) answer = await ask();
    expect(answer).toBeInstanceOf(OpenAI.APIError);
    expect(answer).toMatchObject({ status: 503, code: "no_candidate" });
    expect((answer as InstanceType<typeof OpenAI.APIError>).message).toMatch(/circuit open/);
    expect(Number((answer as InstanceType<typeof OpenAI.APIError>).headers?.get("retry-after"))).toBeGreaterThan(0);
    expect(gw.hosted.requests).toHaveLength(0);
    expect(gw.frontier.requests).toHaveLength(0);
  });
});

describe("escalation and fallback", () => {
  it("moves a prompt longer than the local window to hosted-open", async () => {
    const longText = "The quarterly report covers revenue, churn and hiring across regions. ".repeat(900);
    const { response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: longText }] }).withResponse();
    expect(response.headers.get("x-switchyard-tier")).toBe("hosted-open");
    const decision = await decisionOf(response.headers.get("x-switchyard-decision")!);
    expect(decision.estimatedTokens.prompt).toBeGreaterThan(8192);
    expect(decision.rejected.filter((r: { reason: string }) => r.reason === "context_window").map((r: { alias: string }) => r.alias)).toContain("llama-3.1-8b");
  });

  it("falls back within the allowed tiers when a provider fails, and says so", async () => {
    gw.local.setReply({ failWith: { status: 503, message: "overloaded" } });
    gw.hosted.setReply({ text: "Answered by hosted." });
    // An email makes the request confidential: local and hosted-open only.
    const { data, response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Reply to jane.doe@example.com about her order." }] }).withResponse();
    expect(data.choices[0]?.message.content).toBe("Answered by hosted.");
    expect(response.headers.get("x-switchyard-tier")).toBe("hosted-open");
    expect(gw.frontier.requests).toHaveLength(0);
    const decision = await decisionOf(response.headers.get("x-switchyard-decision")!);
    expect(decision.status).toBe("fallback_success");
    expect(decision.fallbacks.length).toBeGreaterThan(0);
    expect(decision.trace.join(" ")).toContain("falling back");
  });

  it("does not switch models after the first byte: a mid-stream failure reaches the client", async () => {
    gw.local.setReply({ chunks: ["one ", "two ", "three"], failMidStream: { afterChunks: 2, mode: "error-event" } });
    const stream = await client.chat.completions.create({ model: "auto", stream: true, messages: [{ role: "user", content: "Count." }] });
    let text = "";
    const read = (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    })();
    await expect(read).rejects.toThrow();
    expect(text).toBe("one two ");
    expect(gw.hosted.requests).toHaveLength(0);
  });
});

describe("the native endpoint", () => {
  it("answers the decision alone on a dry run and calls no model", async () => {
    const response = await fetch(`${gw.origin}/api/route`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: "Please prove that the algorithm terminates." }], feature: "code-assist", dryRun: true }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.dryRun).toBe(true);
    expect(body.decision.tier).toBe("frontier");
    expect(body.decision.trace.length).toBeGreaterThan(2);
    expect([...gw.local.requests, ...gw.hosted.requests, ...gw.frontier.requests]).toHaveLength(0);
  });

  it("answers the completion with its decision, cost and baseline", async () => {
    gw.local.setReply({ text: "Done.", usage: { inputTokens: 1000, outputTokens: 200 } });
    const response = await fetch(`${gw.origin}/api/route`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: "Classify this ticket." }], difficulty: "routine" }),
    });
    const body = await response.json();
    expect(body.completion.text).toBe("Done.");
    expect(body.decision).toMatchObject({ tier: "local", model: "llama-3.1-8b", dataClass: "internal", status: "success" });
    // Baseline: claude-sonnet at $3 / $15 per 1M tokens.
    expect(body.decision.baselineCostUsd).toBeCloseTo((1000 * 3 + 200 * 15) / 1e6, 10);
    expect(body.decision.costUsd).toBeGreaterThan(0);
    expect(body.decision.costUsd).toBeLessThan(body.decision.baselineCostUsd);
  });
});

describe("the ledger", () => {
  it("leaves exactly one decision record per authenticated request, rolled up by the hour", async () => {
    await gw.flushLedger();
    const db = getDb();
    const before = await db.decisionRecord.count({ where: { apiKeyId: gw.keyId } });
    const rollupsBefore = await db.usageRollup.aggregate({ _sum: { requests: true }, where: { apiKeyId: gw.keyId } });
    gw.local.setReply({ text: "ok" });
    const auth = { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" };
    const requests = [
      fetch(`${gw.origin}/api/v1/chat/completions`, { method: "POST", headers: auth, body: JSON.stringify({ model: "auto", messages: [{ role: "user", content: "hi" }] }) }),
      fetch(`${gw.origin}/api/v1/chat/completions`, { method: "POST", headers: auth, body: "{not json" }),
      fetch(`${gw.origin}/api/v1/chat/completions`, { method: "POST", headers: auth, body: JSON.stringify({ model: "no-such-model", messages: [{ role: "user", content: "hi" }] }) }),
      fetch(`${gw.origin}/api/v1/chat/completions`, { method: "POST", headers: { ...auth, authorization: "Bearer sy_wrong" }, body: "{}" }),
    ];
    const statuses = (await Promise.all(requests)).map((response) => response.status);
    expect(statuses).toEqual([200, 400, 404, 401]);
    await gw.flushLedger();
    // Three passed authentication; the 401 did not and leaves no record.
    expect(await db.decisionRecord.count({ where: { apiKeyId: gw.keyId } })).toBe(before + 3);
    const rollupsAfter = await db.usageRollup.aggregate({ _sum: { requests: true }, where: { apiKeyId: gw.keyId } });
    expect((rollupsAfter._sum.requests ?? 0) - (rollupsBefore._sum.requests ?? 0)).toBe(3);
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: gw.keyId } });
    expect(key.lastUsedAt).not.toBeNull();
  });
});
