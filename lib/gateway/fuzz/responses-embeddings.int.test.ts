// Property-based fuzzing of POST /api/v1/responses and POST /api/v1/embeddings over real HTTP:
// hostile bodies and headers never get a 5xx, errors keep OpenAI's shape, nothing hangs, and a
// valid request is served afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { gatewayRuntime } from "../instance/runtime";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";
import { checkEach, expectStillServes, fuzz, fuzzRuns, json } from "./fuzz-kit";
import { postRequests, sizeEdgeRequests, type PostEndpoint } from "./gateway-requests";
import { closeHostileAgent } from "./hostile-request";

let gw: GatewayFixture;

beforeAll(async () => {
  gw = await startGatewayFixture("fuzz-responses");
});
afterAll(async () => {
  closeHostileAgent();
  await gw?.stop();
});

const weatherTool = { type: "function", name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] }, strict: false };
const responseBodies = [
  { model: "auto", instructions: "Be brief.", input: "hello there", metadata: { ticket: "T-1" }, max_output_tokens: 100, temperature: 0.2 },
  {
    model: "auto",
    input: [
      { role: "user", content: [{ type: "input_text", text: "hello, weather in Paris?" }] },
      { type: "function_call", call_id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' },
      { type: "function_call_output", call_id: "call_1", output: "sunny" },
    ],
    tools: [weatherTool],
    tool_choice: "auto",
  },
  { model: "auto", input: [{ role: "user", content: "hello stream" }], stream: true },
];
const embeddingBodies = [
  { model: "auto", input: ["hello first", "second text"], encoding_format: "float" },
  { model: "auto", input: "hello one", encoding_format: "base64", user: "u-1" },
];

const endpoint = (path: string, valid: unknown[]): PostEndpoint => ({ path, valid, apiKey: gw.apiKey, auth: "bearer", maxBodyBytes: env.GATEWAY_MAX_BODY_BYTES });
const valid = (path: string, body: unknown) => ({ method: "POST" as const, path, headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" }, body: json(body) });

describe("fuzzing the Responses and Embeddings endpoints", () => {
  it("POST /api/v1/responses: no 5xx, OpenAI's error shape, no stall", { timeout: 120_000 }, async () => {
    await fuzz({ origin: gw.origin, shape: "openai", requests: postRequests(endpoint("/api/v1/responses", responseBodies)), numRuns: fuzzRuns(2_000) });
    await checkEach(gw.origin, "openai", sizeEdgeRequests(endpoint("/api/v1/responses", responseBodies)));
    await expectStillServes(gw.origin, valid("/api/v1/responses", responseBodies[0]));
  });

  it("POST /api/v1/embeddings: no 5xx, OpenAI's error shape, no stall", { timeout: 120_000 }, async () => {
    await fuzz({ origin: gw.origin, shape: "openai", requests: postRequests(endpoint("/api/v1/embeddings", embeddingBodies)), numRuns: fuzzRuns(2_000) });
    await checkEach(gw.origin, "openai", sizeEdgeRequests(endpoint("/api/v1/embeddings", embeddingBodies)));
    await expectStillServes(gw.origin, valid("/api/v1/embeddings", embeddingBodies[0]));
  });

  it("every fuzzed request's record reached the database", async () => {
    await gw.flushLedger();
    const { ledger } = gatewayRuntime();
    expect(ledger.stats.pending).toBe(0);
    expect(ledger.stats.failedWrites).toBe(0);
  });
});
