// Request bodies the gateway accepts. The OpenAI-compatible body follows OpenAI's chat
// completions API; unknown top-level fields are ignored (SDKs add new ones over time), but
// fields we cannot honour (n > 1, tools) are refused by name rather than silently dropped.
import { z } from "zod";
import { DATA_CLASSES, DIFFICULTIES } from "@/lib/routing/types";

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const content = z.union([z.string(), z.array(textPart).min(1)], {
  error: "content must be a string or an array of text parts ({ type: 'text', text })",
});

const toolCall = z.object({
  id: z.string(),
  type: z.literal("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

export const chatMessageSchema = z.discriminatedUnion(
  "role",
  [
    z.object({ role: z.literal("system"), content, name: z.string().optional() }),
    z.object({ role: z.literal("developer"), content, name: z.string().optional() }).transform((m) => ({ ...m, role: "system" as const })),
    z.object({ role: z.literal("user"), content, name: z.string().optional() }),
    z.object({ role: z.literal("assistant"), content: content.nullable().optional().transform((c) => c ?? null), tool_calls: z.array(toolCall).optional(), name: z.string().optional() }),
    z.object({ role: z.literal("tool"), content, tool_call_id: z.string() }),
  ],
  { error: "role must be one of system, developer, user, assistant, tool" },
);

const stop = z.union([z.string(), z.array(z.string()).max(4)]).nullable().optional();

/** Parameters shared by both endpoints. */
const completionParameters = {
  messages: z.array(chatMessageSchema).min(1, "messages must contain at least one message"),
  max_tokens: z.number().int().positive().max(1_000_000).nullable().optional(),
  max_completion_tokens: z.number().int().positive().max(1_000_000).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  stop,
  seed: z.number().int().nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  n: z.literal(1, { error: "Switchyard returns one choice per request: n must be 1" }).nullable().optional(),
  tools: z.array(z.unknown()).max(0, "tools are not supported by Switchyard yet; send the request without tools").optional(),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  user: z.string().max(256).optional(),
};

export const chatCompletionsBodySchema = z.object({
  model: z.string().min(1, "model is required: use 'auto', 'tier:<tier key>' or a model alias").max(200),
  ...completionParameters,
});

export type ChatCompletionsBody = z.infer<typeof chatCompletionsBodySchema>;

export const routeBodySchema = z.object({
  model: z.string().min(1).max(200).optional().default("auto"),
  ...completionParameters,
  feature: z.string().min(1).max(100).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  dataClass: z.enum(DATA_CLASSES).optional(),
  dryRun: z.boolean().optional().default(false),
});

export type RouteBody = z.infer<typeof routeBodySchema>;

/** The routing hints of the drop-in endpoint, sent as headers so OpenAI clients need no body change. */
export const hintHeadersSchema = z.object({
  "x-switchyard-feature": z.string().min(1).max(100).optional(),
  "x-switchyard-difficulty": z.enum(DIFFICULTIES).optional(),
  "x-switchyard-data-class": z.enum(DATA_CLASSES).optional(),
});
