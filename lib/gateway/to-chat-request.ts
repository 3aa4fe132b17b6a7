import type { ChatMessage, ChatRequest } from "@/lib/providers/types";
import type { ChatCompletionsBody } from "./schemas";

type Parameters = Omit<ChatCompletionsBody, "model">;

/** OpenAI's snake_case body → the provider layer's request; unset values are left out. */
export function toChatRequest(body: Parameters): { messages: ChatMessage[]; upstream: ChatRequest; maxOutputTokens: number | null } {
  const messages = body.messages as ChatMessage[];
  const maxOutputTokens = body.max_completion_tokens ?? body.max_tokens ?? null;
  const upstream: ChatRequest = { messages };
  if (maxOutputTokens !== null) upstream.maxOutputTokens = maxOutputTokens;
  if (body.temperature != null) upstream.temperature = body.temperature;
  if (body.top_p != null) upstream.topP = body.top_p;
  if (body.stop != null) upstream.stop = body.stop;
  if (body.seed != null) upstream.seed = body.seed;
  if (body.presence_penalty != null) upstream.presencePenalty = body.presence_penalty;
  if (body.frequency_penalty != null) upstream.frequencyPenalty = body.frequency_penalty;
  return { messages, upstream, maxOutputTokens };
}
