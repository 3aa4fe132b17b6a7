// Property-based fuzzing of the gateway's GET endpoints over real HTTP: GET /api/v1/models,
// GET /api/v1/decisions/{id} and the health endpoints, with hostile paths, query strings and
// headers. No 5xx but a degraded health's 503, OpenAI's error shape, no stall.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";
import { expectStillServes, fuzz, fuzzRuns, json } from "./fuzz-kit";
import { closeHostileAgent, sendHostile, type HostileRequest } from "./hostile-request";
import { badAuthorization, oddHeaders } from "./hostile-values";

let gw: GatewayFixture;
let decisionId: string;

beforeAll(async () => {
  gw = await startGatewayFixture("fuzz-read");
  const served = await sendHostile(gw.origin, { method: "POST", path: "/api/v1/chat/completions", headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" }, body: json({ model: "auto", messages: [{ role: "user", content: "hello" }] }) });
  decisionId = String(served.headers["x-switchyard-decision"]);
});
afterAll(async () => {
  closeHostileAgent();
  await gw?.stop();
});

/** Every byte outside the unreserved set percent-encoded, so any string fits in a request line. */
const percentEncoded = (text: string) => [...Buffer.from(text, "utf8")].map((byte) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, "0")}`)).join("");

/** Path segments and query strings a URL can carry: encoded garbage, broken escapes, traversal, overlong UTF-8, huge. */
const segment = fc.oneof(
  fc.string({ maxLength: 40 }).map(percentEncoded),
  fc.string({ unit: "binary", maxLength: 40 }).map(percentEncoded),
  fc.uuid(),
  fc.constantFrom("%", "%zz", "%c0%af", "%ed%a0%80", "%ff", "%00", "..", "%2e%2e", "__proto__", "constructor", "null", "00000000-0000-0000-0000-000000000000", "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ"),
  fc.integer({ min: 100, max: 8_000 }).map((length) => "a".repeat(length)),
);
const query = fc.oneof(
  fc.constant(""),
  fc.tuple(segment, segment).map(([name, value]) => `?${name}=${value}`),
  fc.constantFrom("?", "?&&", "?a", "?a=1&a=2", "?__proto__[x]=1", "?constructor=1", "?%=%", "?limit=1e309"),
);

function getRequests(paths: fc.Arbitrary<string>, keyed: boolean): fc.Arbitrary<HostileRequest> {
  const auth = keyed ? fc.oneof({ weight: 3, arbitrary: fc.constant(`Bearer ${gw.apiKey}`) }, { weight: 1, arbitrary: badAuthorization }) : fc.constant(null);
  return fc.record({ path: paths, q: query, authorization: auth, odd: oddHeaders }).map(({ path, q, authorization, odd }) => ({ method: "GET" as const, path: `${path}${q}`, headers: { ...odd, authorization } }));
}

describe("fuzzing the GET endpoints", () => {
  it("GET /api/v1/models: no 5xx, OpenAI's error shape, no stall", { timeout: 60_000 }, async () => {
    await fuzz({ origin: gw.origin, shape: "openai", requests: getRequests(fc.constant("/api/v1/models"), true), numRuns: fuzzRuns(1_000) });
    await expectStillServes(gw.origin, { method: "GET", path: "/api/v1/models", headers: { authorization: `Bearer ${gw.apiKey}` } });
  });

  it("GET /api/v1/decisions/{id}: no 5xx, OpenAI's error shape, no stall", { timeout: 60_000 }, async () => {
    const ids = fc.oneof({ weight: 4, arbitrary: segment }, { weight: 1, arbitrary: fc.constant(decisionId) }, { weight: 1, arbitrary: fc.constant(decisionId.toUpperCase()) });
    await fuzz({ origin: gw.origin, shape: "openai", requests: getRequests(ids.map((id) => `/api/v1/decisions/${id}`), true), numRuns: fuzzRuns(1_000) });
    await expectStillServes(gw.origin, { method: "GET", path: `/api/v1/decisions/${decisionId}`, headers: { authorization: `Bearer ${gw.apiKey}` } });
  });

  it("GET /api/health, /live, /ready: no 5xx but a degraded 503, no stall", { timeout: 60_000 }, async () => {
    const paths = fc.constantFrom("/api/health", "/api/health/live", "/api/health/ready");
    await fuzz({ origin: gw.origin, shape: "health", requests: getRequests(paths, false), numRuns: fuzzRuns(1_000) });
    for (const path of ["/api/health", "/api/health/live", "/api/health/ready"]) await expectStillServes(gw.origin, { method: "GET", path, headers: {} });
  });
});
