// Overload is answered, not dropped: past GATEWAY_MAX_IN_FLIGHT requests in flight, a request
// gets an immediate 503 in OpenAI's shape with retry-after, recorded like any other; admitted
// ones succeed; a stream holds its slot until it ends. (The limit is set small for this file.)
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.GATEWAY_MAX_IN_FLIGHT = "8";
});

const { getDb } = await import("@/lib/db");
const { startGatewayFixture } = await import("../testing/gateway-fixture");
type Fixture = Awaited<ReturnType<typeof startGatewayFixture>>;

let gateway: Fixture;
beforeAll(async () => {
  gateway = await startGatewayFixture("overload");
});
afterAll(async () => {
  await gateway?.stop();
});

const ask = (stream = false) =>
  fetch(`${gateway.origin}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${gateway.apiKey}`, "content-type": "application/json", "x-switchyard-difficulty": "routine" },
    body: JSON.stringify({ model: "auto", stream, messages: [{ role: "user", content: "Summarise: the printer is jammed." }] }),
  });

describe("overload", () => {
  it("answers 5× its limit at once: the admitted succeed, the rest get 503 with retry-after, every one recorded", async () => {
    gateway.local.setReply({ text: "Slow answer.", firstByteDelayMs: 800 });
    const responses = await Promise.all(Array.from({ length: 40 }, () => ask()));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(8);
    const refused = responses.filter((response) => response.status === 503);
    expect(refused).toHaveLength(32);
    for (const response of refused) expect(response.headers.get("retry-after")).toBe("1");
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Array<{ error?: { code: string; message: string } }>;
    expect(bodies.filter((body) => body.error?.code === "gateway_overloaded")).toHaveLength(32);
    expect(bodies.find((body) => body.error)!.error!.message).toContain("GATEWAY_MAX_IN_FLIGHT");

    await gateway.flushLedger();
    const ids = responses.map((response) => response.headers.get("x-switchyard-decision")!);
    const records = await getDb().decisionRecord.findMany({ where: { id: { in: ids } }, select: { httpStatus: true, errorCode: true } });
    expect(records).toHaveLength(40);
    expect(records.filter((record) => record.errorCode === "gateway_overloaded" && record.httpStatus === 503)).toHaveLength(32);
  });

  it("a stream holds its slot until it ends; then the slot is free again", async () => {
    gateway.local.setReply({ text: "one two three four", chunkDelayMs: 150 });
    const streams = await Promise.all(Array.from({ length: 8 }, () => ask(true)));
    expect(streams.every((response) => response.status === 200)).toBe(true);
    expect((await ask()).status).toBe(503);
    await Promise.all(streams.map((response) => response.text()));
    gateway.local.setReply({ text: "Fast." });
    const client = new OpenAI({ baseURL: `${gateway.origin}/api/v1`, apiKey: gateway.apiKey, maxRetries: 0 });
    const answer = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Hello" }] });
    expect(answer.choices[0]!.message.content).toContain("Fast.");
  });
});
