// One authenticated gateway request, as both endpoints describe it to the pipeline.
import type { ChatMessage, ChatRequest } from "@/lib/providers/types";
import type { DataClassKey, Difficulty } from "@/lib/routing/types";
import type { AppKey } from "./authenticate";

export interface GatewayCall {
  endpoint: "chat.completions" | "route" | "playground";
  key: AppKey;
  requestedModel: string;
  messages: ChatMessage[];
  /** What goes upstream (messages and sampling settings). */
  upstream: ChatRequest;
  /** max_tokens / max_completion_tokens as the caller sent it. */
  maxOutputTokens: number | null;
  stream: boolean;
  includeUsage: boolean;
  featureKey: string | null;
  difficulty: Difficulty | null;
  dataClass: DataClassKey | null;
  dryRun: boolean;
  signal: AbortSignal;
  createdAt: Date;
  /** performance.now() when the request arrived. */
  startedAt: number;
}
