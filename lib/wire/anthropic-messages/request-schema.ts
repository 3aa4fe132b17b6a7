// Anthropic's Messages request body, as Switchyard accepts it (POST /v1/messages). Every block
// type a client sends is either read into the canonical request (and so scanned), or refused by
// name: server tools, documents and redacted thinking have no canonical form that a detector
// can read or that another vendor's model can honour.
import { z } from "zod";

const cacheControl = z.object({ type: z.literal("ephemeral"), ttl: z.enum(["5m", "1h"]).optional() }).nullable().optional();

const textBlock = z.object({ type: z.literal("text"), text: z.string(), cache_control: cacheControl, citations: z.unknown().optional() });

const imageBlock = z.object({
  type: z.literal("image"),
  source: z.discriminatedUnion(
    "type",
    [
      z.object({ type: z.literal("base64"), media_type: z.string().regex(/^image\/[a-z0-9.+-]+$/i, "media_type must be an image type"), data: z.string() }),
      z.object({ type: z.literal("url"), url: z.string().regex(/^https?:\/\//i, "image url must be http(s)") }),
    ],
    { error: "image source.type must be base64 or url" },
  ),
  cache_control: cacheControl,
});

const toolUseBlock = z.object({
  type: z.literal("tool_use"),
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  input: z.unknown(),
  cache_control: cacheControl,
});

const toolResultBlock = z.object({
  type: z.literal("tool_result"),
  tool_use_id: z.string().min(1).max(200),
  content: z.union([z.string(), z.array(z.discriminatedUnion("type", [textBlock, imageBlock], { error: "tool_result content blocks must be text or image" }))]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControl,
});

const thinkingBlock = z.object({ type: z.literal("thinking"), thinking: z.string(), signature: z.string().optional() });

const refused = (type: string, why: string) =>
  z.object({ type: z.literal(type) }).transform((_value, context) => {
    context.addIssue({ code: "custom", message: why });
    return z.NEVER;
  });

const unsupportedBlocks = [
  refused("document", "document blocks are not supported by Switchyard: send the document's text as a text block"),
  refused("redacted_thinking", "redacted_thinking blocks cannot be scanned and are not supported: leave them out of the history"),
  refused("server_tool_use", "server tools are not supported by Switchyard"),
  refused("web_search_tool_result", "server tools are not supported by Switchyard"),
  refused("search_result", "search_result blocks are not supported by Switchyard: send their text as a text block"),
  refused("container_upload", "container uploads are not supported by Switchyard"),
];

const userBlock = z.discriminatedUnion("type", [textBlock, imageBlock, toolResultBlock, ...unsupportedBlocks], {
  error: "user content blocks must be text, image or tool_result",
});
const assistantBlock = z.discriminatedUnion("type", [textBlock, toolUseBlock, thinkingBlock, ...unsupportedBlocks], {
  error: "assistant content blocks must be text, tool_use or thinking",
});

const messageSchema = z.discriminatedUnion(
  "role",
  [
    z.object({ role: z.literal("user"), content: z.union([z.string(), z.array(userBlock).max(10_000)]) }),
    z.object({ role: z.literal("assistant"), content: z.union([z.string(), z.array(assistantBlock).max(10_000)]) }),
    // Mid-conversation system messages (Claude Code's `mid-conversation-system` beta).
    z.object({ role: z.literal("system"), content: z.union([z.string(), z.array(textBlock).max(10_000)]) }),
  ],
  { error: "role must be user, assistant or system" },
);

const customTool = z.object({
  type: z.literal("custom").optional(),
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/, "tool names are 1–128 letters, digits, '_' or '-'"),
  description: z.string().optional(),
  input_schema: z.looseObject({ type: z.literal("object", { error: "input_schema.type must be 'object'" }) }),
  cache_control: cacheControl,
  strict: z.boolean().optional(),
});
// Anthropic's server and client tools (web search, bash, text editor, computer use) run on
// Anthropic's side or need its own models: no other upstream can honour them.
const tool = z.unknown().transform((value, context) => {
  const type = (value as { type?: unknown } | null)?.type;
  if (type !== undefined && type !== "custom") {
    context.addIssue({ code: "custom", message: `tool type '${String(type)}' is not supported by Switchyard: only custom tools (name, description, input_schema)` });
    return z.NEVER;
  }
  const parsed = customTool.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) context.addIssue({ ...issue, code: "custom", message: issue.message });
    return z.NEVER;
  }
  return parsed.data;
});

const toolChoice = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("auto"), disable_parallel_tool_use: z.boolean().optional() }),
    z.object({ type: z.literal("any"), disable_parallel_tool_use: z.boolean().optional() }),
    z.object({ type: z.literal("none") }),
    z.object({ type: z.literal("tool"), name: z.string().min(1), disable_parallel_tool_use: z.boolean().optional() }),
  ],
  { error: "tool_choice.type must be auto, any, none or tool" },
);

const thinking = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("enabled"), budget_tokens: z.number().int().min(1024, "thinking.budget_tokens must be at least 1024") }),
    z.object({ type: z.literal("disabled") }),
    // Newer models choose their own budget; read as a medium effort elsewhere.
    z.object({ type: z.literal("adaptive") }),
  ],
  { error: "thinking.type must be enabled, disabled or adaptive" },
);

export const systemSchema = z.union([z.string(), z.array(textBlock, { error: "system must be a string or a list of text blocks" })]);

/** The fields a count_tokens request shares with a message request. */
export const promptFields = {
  model: z.string().min(1, "model is required: use 'auto', 'tier:<tier key>', a model alias or a mapped vendor name").max(200),
  messages: z.array(messageSchema).min(1, "messages must contain at least one message").max(10_000),
  system: systemSchema.optional(),
  tools: z.array(tool).max(512).optional(),
  tool_choice: toolChoice.optional(),
  thinking: thinking.optional(),
};

export const messagesBodySchema = z.looseObject({
  ...promptFields,
  // The message is for a missing field only: a schema's own error would also word its checks'
  // failures (too big, zero, fractional), which then all read "is required".
  max_tokens: z
    .number({ error: (issue) => (issue.input === undefined ? "max_tokens is required: the most tokens the answer may have" : undefined) })
    .int()
    .positive()
    .max(1_000_000),
  metadata: z.object({ user_id: z.string().max(2048).nullable().optional() }).optional(),
  stop_sequences: z.array(z.string()).max(16).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().positive().optional(),
  // Accepted and not forwarded: they change how Anthropic bills or schedules the call, or tune
  // Anthropic's own context handling and effort (Claude Code sends both on every request).
  service_tier: z.enum(["auto", "standard_only"]).optional(),
  context_management: z.unknown().optional(),
  output_config: z.looseObject({ effort: z.enum(["low", "medium", "high", "xhigh", "max"]).optional() }).optional(),
  // Anthropic-side features no other upstream has: refused by name rather than dropped.
  mcp_servers: z.array(z.unknown()).max(0, "mcp_servers (Anthropic's MCP connector) is not supported by Switchyard").optional(),
  container: z.null({ error: "container (Anthropic's code execution) is not supported by Switchyard" }).optional(),
});

export const countTokensBodySchema = z.looseObject(promptFields);

export type MessagesBody = z.infer<typeof messagesBodySchema>;
export type CountTokensBody = z.infer<typeof countTokensBodySchema>;
export type AnthropicMessage = MessagesBody["messages"][number];
