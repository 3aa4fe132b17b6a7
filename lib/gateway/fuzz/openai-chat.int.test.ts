// Property-based fuzzing of POST /api/v1/chat/completions and POST /api/route over real HTTP:
// hostile bodies and headers never get a 5xx, errors keep OpenAI's shape, nothing hangs, and a
// valid request is served afterwards. Fixed seed (FUZZ_SEED); cases per endpoint: FUZZ_RUNS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { gatewayRuntime } from "../instance/runtime";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";
import { checkEach, expectStillServes, fuzz, fuzzRuns, json } from "./fuzz-kit";
import { postRequests, sizeEdgeRequests } from "./gateway-requests";
import { closeHostileAgent } from "./hostile-request";

let gw: GatewayFixture;

beforeAll(async () => {
  gw = await startGatewayFixture("fuzz-chat");
});
afterAll(async () => {
  closeHostileAgent();
  await gw?.stop();
});

const weatherTool = { type: "function", function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } };
const messages = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "hello there" },
  { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
  { role: "tool", tool_call_id: "call_1", content: "sunny" },
  { role: "user", content: [{ type: "text", text: "and tomorrow?" }] },
];
const chatBodies = [
  { model: "auto", messages, max_tokens: 50, temperature: 0.2, top_p: 1, stop: ["\n\n"], seed: 7, tools: [weatherTool], tool_choice: "auto", response_format: { type: "text" }, user: "u-1" },
  { model: "auto", messages: [{ role: "user", content: "hello stream" }], stream: true, stream_options: { include_usage: true } },
];
const routeBodies = [
  { messages, feature: "support-summaries", difficulty: "routine", dataClass: "internal", max_tokens: 50 },
  { messages: [{ role: "user", content: "hello dry run" }], feature: "code-assist", dryRun: true },
  { model: "auto", messages: [{ role: "user", content: "hello stream" }], stream: true },
];

const endpoint = (path: string, valid: unknown[]) => ({ path, valid, apiKey: gw.apiKey, auth: "bearer" as const, maxBodyBytes: env.GATEWAY_MAX_BODY_BYTES });

describe("fuzzing the OpenAI-shaped endpoints", () => {
  it("POST /api/v1/chat/completions: no 5xx, OpenAI's error shape, no stall", { timeout: 120_000 }, async () => {
    await fuzz({ origin: gw.origin, shape: "openai", requests: postRequests(endpoint("/api/v1/chat/completions", chatBodies)), numRuns: fuzzRuns(2_000) });
    await checkEach(gw.origin, "openai", sizeEdgeRequests(endpoint("/api/v1/chat/completions", chatBodies)));
    await expectStillServes(gw.origin, { method: "POST", path: "/api/v1/chat/completions", headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" }, body: json(chatBodies[0]) });
  });

  it("POST /api/route: no 5xx, OpenAI's error shape, no stall", { timeout: 120_000 }, async () => {
    await fuzz({ origin: gw.origin, shape: "openai", requests: postRequests(endpoint("/api/route", routeBodies)), numRuns: fuzzRuns(2_000) });
    await checkEach(gw.origin, "openai", sizeEdgeRequests(endpoint("/api/route", routeBodies)));
    await expectStillServes(gw.origin, { method: "POST", path: "/api/route", headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" }, body: json(routeBodies[0]) });
  });

  it("every fuzzed request's record reached the database", async () => {
    await gw.flushLedger();
    const { ledger } = gatewayRuntime();
    expect(ledger.stats.pending).toBe(0);
    expect(ledger.stats.failedWrites).toBe(0);
  });
});
