// Test doubles for upstream providers: real HTTP servers speaking OpenAI's and Anthropic's
// wire protocols. Dependency-free (node:http) so any test tier or benchmark can use them.
export { FakeLlmServer, startFakeAnthropicServer, startFakeOpenAIServer } from "./fake-llm-server";
export type { FakeServerOptions, RecordedRequest } from "./fake-llm-server";
export { DEFAULT_FAKE_TEXT, type FakeFinishReason, type FakeReply } from "./fake-reply";
export { modelPolicy, providerPolicy } from "./policies";
export { collectStream, type CollectedStream } from "./collect-stream";
export { resultText, textRequest } from "./requests";
