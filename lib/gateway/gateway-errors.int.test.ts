// Bad input and refusals at the gateway: each gets OpenAI's error shape with the right status,
// and each authenticated one still leaves its decision record.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { forgetApiKeys } from "./auth/authenticate";
import { startGatewayFixture, type GatewayFixture } from "./testing/gateway-fixture";

let gw: GatewayFixture;

beforeAll(async () => {
  gw = await startGatewayFixture("errors");
});
afterAll(async () => gw?.stop());
beforeEach(() => {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
  gw.resetHealth();
});

async function post(path: string, body: string | object, headers: Record<string, string> = {}) {
  const response = await fetch(`${gw.origin}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error: { message: string; type: string; code: string; param?: string } } };
}

const hello = [{ role: "user", content: "hello" }];

describe("gateway errors", () => {
  it("400 for malformed JSON", async () => {
    const { status, body } = await post("/api/v1/chat/completions", '{"model": "auto", ');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "invalid_json" });
  });

  it("400 naming the invalid field", async () => {
    const { status, body } = await post("/api/v1/chat/completions", { model: "auto", messages: [{ role: "wizard", content: "hi" }] });
    expect(status).toBe(400);
    expect(body.error.message).toContain("messages.0");
    expect(body.error.param).toBe("messages.0.role");
  });

  it("403 for a feature outside the key's scope", async () => {
    const unknown = await post("/api/v1/chat/completions", { model: "auto", messages: hello }, { "x-switchyard-feature": "no-such-feature" });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.code).toBe("feature_not_allowed");
  });

  it("401 for a missing, unknown or revoked key", async () => {
    const missing = await fetch(`${gw.origin}/api/v1/chat/completions`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toMatchObject({ type: "authentication_error", code: "missing_api_key" });
    const unknown = await post("/api/v1/chat/completions", { model: "auto", messages: hello }, { authorization: "Bearer sy_not_a_real_key_at_all" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe("invalid_api_key");

    await getDb().apiKey.update({ where: { id: gw.keyId }, data: { revokedAt: new Date() } });
    forgetApiKeys();
    const revoked = await post("/api/v1/chat/completions", { model: "auto", messages: hello });
    expect(revoked.status).toBe(401);
    await getDb().apiKey.update({ where: { id: gw.keyId }, data: { revokedAt: null } });
    forgetApiKeys();
  });

  it("403 data_class_forbidden when a declared class forbids the pinned tier", async () => {
    const { status, body } = await post("/api/v1/chat/completions", { model: "claude-sonnet", messages: hello }, { "x-switchyard-data-class": "confidential" });
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ type: "permission_error", code: "data_class_forbidden" });
    expect(gw.frontier.requests).toHaveLength(0);
  });

  it("a declared class can raise but never lower: 'public' does not release a card number", async () => {
    const { status } = await post("/api/v1/chat/completions", { model: "tier:frontier", messages: [{ role: "user", content: "card 4242 4242 4242 4242" }] }, { "x-switchyard-data-class": "public" });
    expect(status).toBe(403);
  });

  it("404 for an unknown model or tier", async () => {
    // Not "gpt-99": the seeded model-name mappings route the gpt-* family as auto.
    const model = await post("/api/v1/chat/completions", { model: "nonesuch-99", messages: hello });
    expect(model.status).toBe(404);
    expect(model.body.error).toMatchObject({ code: "model_not_found", param: "model" });
    const tier = await post("/api/v1/chat/completions", { model: "tier:orbital", messages: hello });
    expect(tier.status).toBe(404);
  });

  it("413 for a body over the limit", async () => {
    const huge = JSON.stringify({ model: "auto", messages: [{ role: "user", content: "x".repeat(1_100_000) }] });
    const { status, body } = await post("/api/v1/chat/completions", huge);
    expect(status).toBe(413);
    expect(body.error.code).toBe("request_too_large");
  });

  it("429 with retry-after when a feature over budget is set to block", async () => {
    const db = getDb();
    await db.feature.update({ where: { key: "contract-review" }, data: { monthlyBudgetUsd: 0.000001, budgetAction: "block" } });
    await gw.republish();
    gw.frontier.setReply({ text: "x", usage: { inputTokens: 100_000, outputTokens: 100_000 } });
    // The first request spends past the tiny budget; the next one is refused.
    await post("/api/route", { messages: hello, feature: "contract-review" });
    const { status, headers, body } = await post("/api/route", { messages: hello, feature: "contract-review" });
    expect(status).toBe(429);
    expect(body.error.code).toBe("budget_exceeded");
    expect(Number(headers.get("retry-after"))).toBeGreaterThan(0);
    await db.feature.update({ where: { key: "contract-review" }, data: { monthlyBudgetUsd: 1000, budgetAction: "downgrade" } });
    await gw.republish();
  });

  it("429 with retry-after when the key's rate limit is spent", async () => {
    const db = getDb();
    await db.apiKey.update({ where: { id: gw.keyId }, data: { rateLimitPerMinute: 1 } });
    forgetApiKeys();
    gw.local.setReply({ text: "ok" });
    const first = await post("/api/v1/chat/completions", { model: "auto", messages: hello });
    const second = await post("/api/v1/chat/completions", { model: "auto", messages: hello });
    await db.apiKey.update({ where: { id: gw.keyId }, data: { rateLimitPerMinute: null } });
    forgetApiKeys();
    // A minute boundary may fall between the two; then the second one passes and that is fine.
    if (first.status === 200 && second.status !== 200) {
      expect(second.status).toBe(429);
      expect(second.body.error.code).toBe("rate_limited");
      expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("400 context_length_exceeded naming the constraint when the prompt fits no allowed window, which no SDK retries", async () => {
    const long = "Confidential payroll table row with SSN 078-05-1120 and notes. ".repeat(1200);
    const { status, headers, body } = await post("/api/v1/chat/completions", { model: "auto", messages: [{ role: "user", content: long }] });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "context_length_exceeded" });
    expect(body.error.message).toMatch(/restricted/);
    expect(body.error.message).toMatch(/window|context/);
    expect(headers.get("retry-after")).toBeNull();
    expect(gw.hosted.requests).toHaveLength(0);
    await gw.flushLedger();
    const record = await getDb().decisionRecord.findUniqueOrThrow({ where: { id: headers.get("x-switchyard-decision") ?? "" } });
    expect(record).toMatchObject({ httpStatus: 400, errorCode: "context_length_exceeded", refusalConstraint: "context_window" });

    // The official SDKs, with their default retries, send it once and raise a 400 error.
    let sent = 0;
    const counting: typeof fetch = (input, init) => {
      sent += 1;
      return fetch(input, init);
    };
    const openai = new OpenAI({ baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, maxRetries: 2, fetch: counting });
    const openaiError = await openai.chat.completions.create({ model: "auto", messages: [{ role: "user", content: long }] }).catch((error: unknown) => error);
    expect(openaiError).toBeInstanceOf(OpenAI.BadRequestError);
    expect(openaiError).toMatchObject({ status: 400, code: "context_length_exceeded", type: "invalid_request_error" });
    expect(sent).toBe(1);

    sent = 0;
    const anthropic = new Anthropic({ baseURL: `${gw.origin}/api`, apiKey: gw.apiKey, maxRetries: 2, fetch: counting });
    const anthropicError = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: long }] }).catch((error: unknown) => error);
    expect(anthropicError).toBeInstanceOf(Anthropic.BadRequestError);
    expect(anthropicError).toMatchObject({ status: 400, error: { type: "error", error: { type: "invalid_request_error" } } });
    expect((anthropicError as Error).message).toMatch(/window/);
    expect(sent).toBe(1);
    expect(gw.hosted.requests).toHaveLength(0);
    expect(gw.frontier.requests).toHaveLength(0);
  });

  it("401 for the model list without a key", async () => {
    const response = await fetch(`${gw.origin}/api/v1/models`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.type).toBe("authentication_error");
  });

  it("404 for another key's decision", async () => {
    gw.local.setReply({ text: "ok" });
    const mine = await fetch(`${gw.origin}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "auto", messages: hello }),
    });
    const id = mine.headers.get("x-switchyard-decision")!;
    const other = await startGatewayFixture("errors-other");
    try {
      const foreign = await fetch(`${gw.origin}/api/v1/decisions/${id}`, { headers: { authorization: `Bearer ${other.apiKey}` } });
      expect(foreign.status).toBe(404);
      const own = await fetch(`${gw.origin}/api/v1/decisions/${id}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
      expect(own.status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
