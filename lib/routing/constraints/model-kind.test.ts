import { describe, expect, it } from "vitest";
import { decide } from "../decide";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot } from "../fixtures";
import { embeddingBaselineAlias, scopeToKind } from "./model-kind";
import type { ModelPolicy, PolicySnapshot } from "../types";

const live = fixtureLive();

/** The fixture with one local and one frontier embedding model added. */
function withEmbeddings(): PolicySnapshot {
  const snapshot = fixtureSnapshot();
  const chat = snapshot.models[0]!;
  const local = snapshot.models.find((model) => model.tierKey === "local")!;
  const frontier = snapshot.models.find((model) => model.tierKey === "frontier")!;
  const embedding = (from: ModelPolicy, alias: string, price: number): ModelPolicy => ({
    ...from, alias, providerModelId: alias, kind: "embedding", embeddingDimensions: 768, capabilities: [], inputPricePerMTok: price, outputPricePerMTok: 0, priority: 1,
  });
  return { ...snapshot, models: [...snapshot.models, embedding(local, "embed-local", 0.01), embedding(frontier, "embed-frontier", 0.13), { ...chat, alias: "chat-copy" }] };
}

describe("model kinds", () => {
  it("a chat request never sees embedding models, not even as rejections", () => {
    const decision = decide(fixtureAnalysis({ featureKey: "support-bot" }), withEmbeddings(), live);
    const named = JSON.stringify([decision.candidates, decision.rejected, decision.trace]);
    expect(named).not.toContain("embed-");
    expect(decision.candidates.length).toBeGreaterThan(0);
  });

  it("an embedding request sees only embedding models, and the data class still bounds the tiers", () => {
    const open = decide(fixtureAnalysis({ featureKey: "support-bot", modelKind: "embedding", requestedOutputTokens: 0 }), withEmbeddings(), live);
    expect(open.candidates.map((candidate) => candidate.alias)).toEqual(["embed-local", "embed-frontier"]);
    const restricted = decide(fixtureAnalysis({ featureKey: "support-bot", modelKind: "embedding", findings: [fixtureFinding("payment_card", "restricted")] }), withEmbeddings(), live);
    expect(restricted.candidates.map((candidate) => candidate.alias)).toEqual(["embed-local"]);
  });

  it("a pin of the other kind is refused with a 404 that names the endpoint", () => {
    const onChat = decide(fixtureAnalysis({ pin: { kind: "model", alias: "embed-local" } }), withEmbeddings(), live);
    expect(onChat.outcome).toMatchObject({ kind: "refused", refusal: { status: 404, message: expect.stringContaining("embedding model; call /v1/embeddings") } });
    const chatAlias = fixtureSnapshot().models[0]!.alias;
    const onEmbeddings = decide(fixtureAnalysis({ modelKind: "embedding", pin: { kind: "model", alias: chatAlias } }), withEmbeddings(), live);
    expect(onEmbeddings.outcome).toMatchObject({ kind: "refused", refusal: { status: 404, message: expect.stringContaining("is a chat model") } });
  });

  it("compares embeddings against the priciest embedding model of the top tier, chat against the chat baseline", () => {
    const snapshot = withEmbeddings();
    expect(scopeToKind(snapshot, "embedding").baselineModelAlias).toBe("embed-frontier");
    expect(scopeToKind(snapshot, "chat").baselineModelAlias).toBe(snapshot.baselineModelAlias);
    expect(embeddingBaselineAlias(snapshot, [])).toBeNull();
  });
});
