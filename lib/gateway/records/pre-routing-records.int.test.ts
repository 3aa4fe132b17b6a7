// What the ledger keeps of requests refused before routing: the field a 400 was about, the
// feature a scope refusal named, and bad input marked as malformed (counted apart on Costs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";

let gw: GatewayFixture;

beforeAll(async () => {
  gw = await startGatewayFixture("pre-routing");
});
afterAll(async () => gw?.stop());

async function recordOf(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${gw.origin}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json", ...headers },
    body,
  });
  const id = response.headers.get("x-switchyard-decision");
  expect(id).toBeTruthy();
  await gw.flushLedger();
  return { status: response.status, record: await getDb().decisionRecord.findUniqueOrThrow({ where: { id: id! } }) };
}

describe("records of requests refused before routing", () => {
  it("an invalid field: 400, the field in the trace, counted as malformed", async () => {
    const { status, record } = await recordOf(JSON.stringify({ model: "auto", messages: [{ role: "wizard", content: "hi" }] }));
    expect(status).toBe(400);
    expect(record).toMatchObject({ status: "refused", errorCode: "invalid_request", refusalConstraint: "malformed" });
    expect(record.trace).toContain("Field at fault: 'messages.0.role'.");
  });

  it("unreadable JSON is malformed too", async () => {
    const { record } = await recordOf('{"model": "auto", ');
    expect(record).toMatchObject({ errorCode: "invalid_json", refusalConstraint: "malformed" });
  });

  it("a feature outside the key's scope: the record keeps the feature named, and it is a refusal, not bad input", async () => {
    const { status, record } = await recordOf(JSON.stringify({ model: "auto", messages: [{ role: "user", content: "hi" }] }), { "x-switchyard-feature": "no-such-feature" });
    expect(status).toBe(403);
    expect(record).toMatchObject({ errorCode: "feature_not_allowed", featureKey: "no-such-feature", refusalConstraint: null });
    expect(record.trace).toContain("Field at fault: 'feature'.");
  });
});
