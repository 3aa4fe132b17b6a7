// Property-based fuzzing of Anthropic's Messages endpoints over real HTTP: POST /api/v1/messages
// and /count_tokens. Hostile bodies and headers never get a 5xx, errors keep Anthropic's shape
// ({ type: "error", error: { type, message } }), nothing hangs, and a valid request is served afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { gatewayRuntime } from "../instance/runtime";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";
import { checkEach, expectStillServes, fuzz, fuzzRuns, json } from "./fuzz-kit";
import { postRequests, sizeEdgeRequests, type PostEndpoint } from "./gateway-requests";
import { closeHostileAgent } from "./hostile-request";

let gw: GatewayFixture;

beforeAll(async () => {
  gw = await startGatewayFixture("fuzz-messages");
});
afterAll(async () => {
  closeHostileAgent();
  await gw?.stop();
});

const weatherTool = { name: "get_weather", description: "Weather for a city", input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };
const conversation = [
  { role: "user", content: "hello there" },
  { role: "assistant", content: [{ type: "text", text: "Let me look." }, { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }] },
  { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "sunny" }, { type: "text", text: "and tomorrow?", cache_control: { type: "ephemeral" } }] },
];
const messageBodies = [
  { model: "claude-sonnet-4-5", max_tokens: 100, system: [{ type: "text", text: "Be brief." }], messages: conversation, tools: [weatherTool], tool_choice: { type: "auto" }, temperature: 0.3, metadata: { user_id: "u-1" }, stop_sequences: ["\n\nHuman:"] },
  { model: "claude-sonnet-4-5", max_tokens: 50, messages: [{ role: "user", content: "hello stream" }], stream: true },
];
const countBodies = [{ model: "claude-sonnet-4-5", system: "Be brief.", messages: conversation, tools: [weatherTool] }];

const endpoint = (path: string, valid: unknown[]): PostEndpoint => ({
  path,
  valid,
  apiKey: gw.apiKey,
  auth: "x-api-key",
  maxBodyBytes: env.GATEWAY_MAX_BODY_BYTES,
  extraHeaders: { "anthropic-version": "2023-06-01" },
});
const valid = (path: string, body: unknown) => ({ method: "POST" as const, path, headers: { "x-api-key": gw.apiKey, "anthropic-version": "2023-06-01", "content-type": "application/json" }, body: json(body) });

describe("fuzzing the Anthropic-shaped endpoints", () => {
  it("POST /api/v1/messages: no 5xx, Anthropic's error shape, no stall", { timeout: 120_000 }, async () => {
    await fuzz({ origin: gw.origin, shape: "anthropic", requests: postRequests(endpoint("/api/v1/messages", messageBodies)), numRuns: fuzzRuns(2_000) });
    await checkEach(gw.origin, "anthropic", sizeEdgeRequests(endpoint("/api/v1/messages", messageBodies)));
    await expectStillServes(gw.origin, valid("/api/v1/messages", messageBodies[0]));
  });

  it("POST /api/v1/messages/count_tokens: no 5xx, Anthropic's error shape, no stall", { timeout: 120_000 }, async () => {
    await fuzz({ origin: gw.origin, shape: "anthropic", requests: postRequests(endpoint("/api/v1/messages/count_tokens", countBodies)), numRuns: fuzzRuns(2_000) });
    await checkEach(gw.origin, "anthropic", sizeEdgeRequests(endpoint("/api/v1/messages/count_tokens", countBodies)));
    await expectStillServes(gw.origin, valid("/api/v1/messages/count_tokens", countBodies[0]));
  });

  it("every fuzzed request's record reached the database", async () => {
    await gw.flushLedger();
    const { ledger } = gatewayRuntime();
    expect(ledger.stats.pending).toBe(0);
    expect(ledger.stats.failedWrites).toBe(0);
  });
});
