// POST /api/v1/embeddings end to end with the official openai SDK: routed by the data class to
// embedding models only (the seed's nomic-embed-text on local, text-embedding-3-small on
// frontier — here served by the hosted fake), float and base64 answers, one decision record
// with endpoint "embeddings" and a cost from input tokens; chat endpoints never pick an
// embedding model and embeddings never a chat model.
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { fakeVector } from "@/lib/providers/testing/openai-embeddings-wire";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";

let gw: GatewayFixture;
let client: OpenAI;
const CARD = "4242 4242 4242 4242";

beforeAll(async () => {
  gw = await startGatewayFixture("embeddings");
  const db = getDb();
  // The frontier fake speaks Anthropic, which has no embeddings API: serve OpenAI's model from the OpenAI-compatible fake.
  const hosted = await db.provider.findUniqueOrThrow({ where: { key: "fake-hosted" } });
  await db.model.update({ where: { alias: "text-embedding-3-small" }, data: { providerId: hosted.id } });
  await gw.republish();
  client = new OpenAI({ baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, maxRetries: 0 });
});
afterAll(async () => gw?.stop());
beforeEach(() => {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
  gw.resetHealth();
});

async function recordOf(id: string | null) {
  await gw.flushLedger();
  return getDb().decisionRecord.findUniqueOrThrow({ where: { id: id ?? "" } });
}

describe("embeddings.create through the openai SDK", () => {
  it("returns float vectors from the local embedding model and records the call", async () => {
    gw.local.setReply({ usage: { inputTokens: 7, outputTokens: 0 } });
    const { data, response } = await client.embeddings.create({ model: "auto", input: ["first text", "second text"], encoding_format: "float" }).withResponse();
    expect(data.model).toBe("nomic-embed-text");
    expect(data.data.map((entry) => entry.embedding)).toEqual([fakeVector(0), fakeVector(1)]);
    expect(data.usage).toEqual({ prompt_tokens: 7, total_tokens: 7 });
    expect(gw.local.requests).toHaveLength(1);
    expect(gw.local.requests[0]).toMatchObject({ path: "/v1/embeddings", body: { model: "nomic-embed-text", input: ["first text", "second text"], encoding_format: "float" } });
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ endpoint: "embeddings", status: "success", modelAlias: "nomic-embed-text", tierKey: "local", inputTokens: 7, outputTokens: 0 });
    expect(record.costUsd?.toNumber()).toBeGreaterThan(0);
    expect(await getDb().decisionRecord.count({ where: { endpoint: "embeddings", id: record.id } })).toBe(1);
  });

  it("decodes base64 (the SDK's default encoding) to the same floats", async () => {
    const vectors = [[0.5, -0.25, 0.125]];
    gw.local.setReply({ vectors });
    const base64 = await client.embeddings.create({ model: "auto", input: "one text" });
    expect(base64.data[0]?.embedding).toEqual(vectors[0]);
    const raw = await client.embeddings.create({ model: "auto", input: "one text", encoding_format: "base64" });
    const bytes = Buffer.from(raw.data[0]!.embedding as unknown as string, "base64");
    expect(Array.from({ length: bytes.length / 4 }, (_value, index) => bytes.readFloatLE(index * 4))).toEqual(vectors[0]);
    // Upstreams are always asked for floats: not every server speaks base64.
    expect(gw.local.requests.map((request) => request.body.encoding_format)).toEqual(["float", "float"]);
  });

  it("passes dimensions on and prices a pinned hosted model from its input tokens", async () => {
    gw.hosted.setReply({ usage: { inputTokens: 1_000, outputTokens: 0 } });
    const { data, response } = await client.embeddings.create({ model: "text-embedding-3-small", input: "shorter please", dimensions: 8, encoding_format: "float" }).withResponse();
    expect(data.data[0]?.embedding).toHaveLength(8);
    expect(gw.hosted.requests[0]?.body).toMatchObject({ model: "text-embedding-3-small", dimensions: 8 });
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.costUsd?.toNumber()).toBeCloseTo((1_000 * 0.02) / 1e6, 12);
    // The baseline is the embedding model of the top tier, not the chat baseline.
    expect(record.baselineCostUsd?.toNumber()).toBeCloseTo((1_000 * 0.02) / 1e6, 12);
  });

  it("falls back to the next allowed embedding model when the first fails", async () => {
    gw.local.setReply({ failWith: { status: 503 } });
    const { data, response } = await client.embeddings.create({ model: "auto", input: "fall back", encoding_format: "float" }).withResponse();
    expect(data.model).toBe("text-embedding-3-small");
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ status: "fallback_success", tierKey: "frontier" });
  });
});

describe("the same guarantees as every endpoint", () => {
  it("a card number in one input keeps every input on local, even when local fails", async () => {
    gw.local.setReply({ failWith: { status: 503 } });
    const error = await client.embeddings.create({ model: "auto", input: ["harmless", `card ${CARD}`] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
    expect(gw.hosted.requests).toHaveLength(0);
    expect(gw.frontier.requests).toHaveLength(0);
    await gw.flushLedger();
    const record = await getDb().decisionRecord.findFirstOrThrow({ where: { endpoint: "embeddings" }, orderBy: { createdAt: "desc" } });
    expect(record).toMatchObject({ dataClass: "restricted", status: "error" });
    expect(record.findings).toEqual([{ type: "payment_card", count: 1 }]);
  });

  it("refuses a restricted input pinned to the frontier with 403", async () => {
    const error = await client.embeddings.create({ model: "tier:frontier", input: `card ${CARD}` }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(gw.hosted.requests).toHaveLength(0);
  });

  it("a feature over a blocking budget is refused with 429", async () => {
    const db = getDb();
    await db.feature.update({ where: { key: "research-notebook" }, data: { monthlyBudgetUsd: 0.000001, budgetAction: "block" } });
    await gw.republish();
    const headers = { "x-switchyard-feature": "research-notebook" };
    try {
      gw.local.setReply({ usage: { inputTokens: 1_000_000, outputTokens: 0 } });
      await client.embeddings.create({ model: "auto", input: "spend" }, { headers }).catch(() => null);
      await gw.flushLedger();
      const error = await client.embeddings.create({ model: "auto", input: "more" }, { headers }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      const id = (error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get("x-switchyard-decision") ?? null;
      expect(await recordOf(id)).toMatchObject({ endpoint: "embeddings", status: "refused", errorCode: "budget_exceeded" });
    } finally {
      await db.feature.update({ where: { key: "research-notebook" }, data: { monthlyBudgetUsd: 1000, budgetAction: "downgrade" } });
      await gw.republish();
    }
  });
});

describe("chat and embedding models never serve each other", () => {
  it("refuses a chat model on /embeddings and an embedding model on chat and Responses, naming the endpoint", async () => {
    const onEmbeddings = await client.embeddings.create({ model: "llama-3.1-8b", input: "x" }).catch((caught: unknown) => caught);
    expect(onEmbeddings).toBeInstanceOf(OpenAI.NotFoundError);
    expect((onEmbeddings as Error).message).toContain("is a chat model");
    const onChat = await client.chat.completions.create({ model: "nomic-embed-text", messages: [{ role: "user", content: "x" }] }).catch((caught: unknown) => caught);
    expect(onChat).toBeInstanceOf(OpenAI.NotFoundError);
    expect((onChat as Error).message).toContain("is an embedding model");
    const onResponses = await client.responses.create({ model: "nomic-embed-text", input: "x" }).catch((caught: unknown) => caught);
    expect(onResponses).toBeInstanceOf(OpenAI.NotFoundError);
    expect(gw.local.requests).toHaveLength(0);
  });

  it("never lists an embedding model as a chat candidate", async () => {
    gw.local.setReply({ text: "chat" });
    const { response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "hello" }] }).withResponse();
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    const named = JSON.stringify([record.candidates, record.rejected]);
    expect(named).not.toContain("nomic-embed-text");
    expect(named).not.toContain("text-embedding-3-small");
  });

  it("GET /v1/models marks embedding models as such", async () => {
    const models = await client.models.list();
    const byId = new Map(models.data.map((model) => [model.id, model as unknown as Record<string, unknown>]));
    expect(byId.get("nomic-embed-text")).toMatchObject({ kind: "embedding", dimensions: 768, tier: "local" });
    expect(byId.get("llama-3.1-8b")).toMatchObject({ kind: "chat" });
  });
});

describe("bad input in OpenAI's error shape", () => {
  it.each([
    ["token arrays", { input: [[1, 2, 3]] }, "token ids"],
    ["an empty list", { input: [] }, "at least one"],
    ["an unknown encoding", { input: "x", encoding_format: "int8" }, "encoding_format"],
  ])("refuses %s with a 400", async (_what, body, words) => {
    const response = await fetch(`${gw.origin}/api/v1/embeddings`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "auto", ...body }),
    });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { message: string; type: string } };
    expect(json.error.type).toBe("invalid_request_error");
    expect(json.error.message).toContain(words);
  });
});
