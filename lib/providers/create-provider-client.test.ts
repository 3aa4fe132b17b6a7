import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProviderClient } from "./create-provider-client";
import type { CanonicalRequest } from "@/lib/canonical/types";
import { collectStream, modelPolicy, providerPolicy, startFakeAnthropicServer, startFakeOpenAIServer, type FakeLlmServer } from "./testing";
import { countRequestTokens, countTextTokens } from "./token-count";

// What each adapter puts on the wire, and how secrets are read.

const secrets: Record<string, string> = { OPENAI_KEY: "sk-openai", ANTHROPIC_KEY: "sk-ant" };
const readSecret = (name: string) => secrets[name];

const text = (value: string) => ({ type: "text" as const, text: value });
const conversation: CanonicalRequest = {
  messages: [
    { role: "system", content: [text("You are terse.")] },
    { role: "user", content: [text("What is 2+2?")] },
    { role: "assistant", content: [text("4")] },
    { role: "user", content: [text("And 3+3"), text("?")] },
  ],
  tools: [],
  outputFormat: { type: "text" },
  parameters: { maxOutputTokens: 32, temperature: 0.5, topP: 0.9, stop: ["END"], seed: 42 },
  openaiExtras: {},
};

describe("createProviderClient", () => {
  let openai: FakeLlmServer;
  let anthropic: FakeLlmServer;
  beforeAll(async () => {
    openai = await startFakeOpenAIServer();
    anthropic = await startFakeAnthropicServer({ apiKey: "sk-ant" });
  });
  afterAll(async () => {
    await openai.stop();
    await anthropic.stop();
  });
  beforeEach(() => {
    openai.reset();
    anthropic.reset();
  });

  it("openai: chat completions (not Responses) with the settings under OpenAI's names, sent by Switchyard itself", async () => {
    const client = createProviderClient(
      providerPolicy({ key: "oa", kind: "openai", baseUrl: openai.baseUrl, apiKeyEnv: "OPENAI_KEY" }),
      modelPolicy({ providerKey: "oa", providerModelId: "gpt-4o-mini" }),
      { readSecret },
    );
    await client.generate(conversation);
    const sent = openai.requests[0];
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.body).toMatchObject({
      model: "gpt-4o-mini",
      max_completion_tokens: 32,
      temperature: 0.5,
      top_p: 0.9,
      stop: ["END"],
      seed: 42,
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "What is 2+2?" },
        { role: "assistant", content: "4" },
        { role: "user", content: [text("And 3+3"), text("?")] },
      ],
    });
    await collectStream(client.stream(conversation));
    expect(openai.requests[1]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("anthropic: Messages API, system hoisted to `system`, key in x-api-key", async () => {
    const client = createProviderClient(
      providerPolicy({ key: "an", kind: "anthropic", baseUrl: anthropic.baseUrl, apiKeyEnv: "ANTHROPIC_KEY" }),
      modelPolicy({ providerKey: "an", providerModelId: "claude-sonnet-4-5" }),
      { readSecret },
    );
    await client.generate(conversation);
    const sent = anthropic.requests[0];
    expect(sent?.path).toBe("/v1/messages");
    expect(sent?.headers["x-api-key"]).toBe("sk-ant");
    expect(sent?.headers["anthropic-version"]).toBeDefined();
    expect(sent?.body).toMatchObject({
      model: "claude-sonnet-4-5",
      max_tokens: 32,
      system: [{ type: "text", text: "You are terse." }],
      stop_sequences: ["END"],
    });
    expect((sent?.body.messages as unknown[]).length).toBe(3);
  });

  it("openai-compatible: no key configured → no Authorization header; usage missing → estimated", async () => {
    openai.setReply({ text: "Six, obviously.", usage: null });
    const client = createProviderClient(
      providerPolicy({ key: "ollama", kind: "openai-compatible", baseUrl: openai.baseUrl }),
      modelPolicy({ providerKey: "ollama", providerModelId: "llama3.1:8b" }),
    );
    const result = await client.generate(conversation);
    expect(openai.requests[0]?.headers.authorization).toBeUndefined();
    expect(openai.requests[0]?.body.model).toBe("llama3.1:8b");
    // Self-hosted servers (Ollama, llama.cpp) know max_tokens, not max_completion_tokens.
    expect(openai.requests[0]?.body.max_tokens).toBe(32);
    expect(result.usage).toEqual({
      inputTokens: countRequestTokens(conversation),
      outputTokens: countTextTokens("Six, obviously."),
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
      estimated: true,
    });
    const { finish } = await collectStream(client.stream(conversation));
    expect(finish?.usage).toMatchObject({ outputTokens: countTextTokens("Six, obviously."), estimated: true });
  });

  it("turns missing configuration into ProviderErrors the fallback can record", async () => {
    const noUrl = createProviderClient(providerPolicy({ key: "vllm", kind: "openai-compatible" }), modelPolicy({ providerKey: "vllm" }));
    await expect(noUrl.generate(conversation)).rejects.toMatchObject({ kind: "unavailable", retryable: false });
    const noKeyVar = createProviderClient(providerPolicy({ key: "oa", kind: "openai", baseUrl: openai.baseUrl }), modelPolicy({ providerKey: "oa" }));
    await expect(noKeyVar.generate(conversation)).rejects.toMatchObject({ kind: "auth", retryable: false });
    expect(openai.requests).toHaveLength(0);
  });

  it("reads an Anthropic secret on every call, so a rotated one takes effect at once", async () => {
    const provider = providerPolicy({ key: "an", kind: "anthropic", baseUrl: anthropic.baseUrl, apiKeyEnv: "ANTHROPIC_KEY" });
    const client = createProviderClient(provider, modelPolicy({ providerKey: "an" }), { readSecret: (name) => secrets[name] });
    await client.generate(conversation);
    expect(anthropic.requests.at(-1)?.headers["x-api-key"]).toBe("sk-ant");
    anthropic.setApiKey("sk-rotated");
    secrets.ANTHROPIC_KEY = "sk-rotated";
    try {
      await client.generate(conversation);
      expect(anthropic.requests.at(-1)?.headers["x-api-key"]).toBe("sk-rotated");
    } finally {
      secrets.ANTHROPIC_KEY = "sk-ant";
      anthropic.setApiKey("sk-ant");
    }
  });

  it("reads an OpenAI-wire secret on every call, so a rotated one takes effect at once", async () => {
    const provider = providerPolicy({ key: "oa", kind: "openai", baseUrl: openai.baseUrl, apiKeyEnv: "OPENAI_KEY" });
    const rotated = (name: string) => (name === "OPENAI_KEY" ? "sk-rotated" : undefined);
    await createProviderClient(provider, modelPolicy({ providerKey: "oa" }), { readSecret: rotated }).generate(conversation);
    expect(openai.requests.at(-1)?.headers.authorization).toBe("Bearer sk-rotated");
  });

  it("refuses a model that belongs to another provider", () => {
    expect(() => createProviderClient(providerPolicy({ key: "a" }), modelPolicy({ providerKey: "b" }))).toThrow(/belongs to provider "b"/);
  });
});
