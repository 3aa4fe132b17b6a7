// OpenAI's Responses request body (`POST /v1/responses`), as Switchyard accepts it: stateless.
// Every field is understood (translated into the canonical request), echoed back, or refused by
// name (an unknown field too: it has no chat-completions meaning to pass on, so it is refused
// rather than dropped) — Switchyard keeps no conversation state, so `previous_response_id`, `conversation`,
// `store: true` and item references are refused with a message saying to send the full input.
import { z } from "zod";

const refuse = (message: string) => z.unknown().refine(() => false, { error: message });
const stateless = (field: string) => `${field} needs state kept by the server; Switchyard is stateless: send the full conversation in 'input' (and 'store: false').`;

/**
 * Parses with the one schema `pick` chooses for the value (or refuses it with pick's message),
 * reporting that schema's own problems at their paths. A union with its own error would answer
 * its message for every failure — "must be a string or a list" for a list with one bad item.
 */
function dispatched<S extends z.ZodType>(pick: (value: unknown) => S | string) {
  return z.unknown().transform((value, context): z.output<S> => {
    const schema = pick(value);
    if (typeof schema === "string") {
      context.addIssue({ code: "custom", message: schema });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ ...issue });
    return z.NEVER;
  });
}

const imageUrl = z.string().refine((url) => /^(https?:\/\/|data:image\/[a-z0-9.+-]+;base64,)/i.test(url), {
  error: "image_url must be an http(s) URL or a data:image/…;base64 URL",
});

const inputText = z.object({ type: z.literal("input_text"), text: z.string() });
const inputImage = z.object({
  type: z.literal("input_image"),
  image_url: imageUrl.nullish(),
  file_id: refuse("input_image.file_id needs OpenAI's file store; send image_url (an http(s) or data: URL)").optional(),
  detail: z.enum(["auto", "low", "high"]).nullish(),
}).refine((part) => typeof part.image_url === "string", { error: "input_image needs image_url (an http(s) or data: URL)" });
const outputText = z.object({ type: z.literal("output_text"), text: z.string(), annotations: z.array(z.unknown()).optional(), logprobs: z.array(z.unknown()).optional() });
const refusalText = z.object({ type: z.literal("refusal"), refusal: z.string() });
const unsupported = (type: string) =>
  z.object({ type: z.literal(type) }).transform((_value, context) => {
    context.addIssue({ code: "custom", message: `${type} content is not supported by Switchyard; send input_text or input_image parts` });
    return z.NEVER;
  });

const contentParts = z.array(
  z.discriminatedUnion("type", [inputText, inputImage, outputText, refusalText, unsupported("input_file"), unsupported("input_audio")], {
    error: "a content part must be input_text, input_image or (for assistant turns) output_text",
  }),
);
const inputContent = dispatched((value) =>
  typeof value === "string" ? z.string() : Array.isArray(value) ? contentParts : "content must be a string or a list of content parts",
);

const message = z.object({
  type: z.literal("message").optional(),
  id: z.string().optional(),
  role: z.enum(["user", "assistant", "system", "developer"], { error: "role must be user, assistant, system or developer" }),
  content: inputContent,
  status: z.string().nullish(),
});

const functionCall = z.object({
  type: z.literal("function_call"),
  id: z.string().optional(),
  call_id: z.string().min(1).max(512),
  name: z.string().min(1).max(256),
  /** Set when the function belongs to a namespace tool (Codex's sub-agent tools). */
  namespace: z.string().max(128).nullish(),
  arguments: z.string(),
  status: z.string().nullish(),
});

const functionCallOutput = z.object({
  type: z.literal("function_call_output"),
  id: z.string().nullish(),
  call_id: z.string().min(1).max(512),
  output: z.union([z.string(), z.array(z.discriminatedUnion("type", [inputText, inputImage, unsupported("input_file")]))]),
  status: z.string().nullish(),
});

const reasoning = z.object({
  type: z.literal("reasoning"),
  id: z.string().optional(),
  summary: z.array(z.object({ type: z.string(), text: z.string() })).default([]),
  content: z.array(z.object({ type: z.string(), text: z.string() })).nullish(),
  // Opaque and produced by OpenAI only: it cannot be scanned, so it is never passed on.
  encrypted_content: z.string().nullish(),
  status: z.string().nullish(),
});

const itemReference = z.object({ type: z.literal("item_reference") }).transform((_value, context) => {
  context.addIssue({ code: "custom", message: stateless("item_reference") });
  return z.NEVER;
});

// An item is picked by its type (a message may leave it out), so a bad field is named as such.
const ITEMS = { function_call: functionCall, function_call_output: functionCallOutput, reasoning, item_reference: itemReference, message } as const;
const item = dispatched((value) => {
  const type = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : null;
  const key = type === undefined ? "message" : typeof type === "string" && Object.hasOwn(ITEMS, type) ? (type as keyof typeof ITEMS) : null;
  return key === null ? "an input item must be a message, function_call, function_call_output or reasoning item" : ITEMS[key];
});

const functionTool = z.object({
  type: z.literal("function"),
  name: z.string().regex(/^[a-zA-Z0-9_.-]{1,128}$/, "a function name is 1–128 letters, digits, '_', '.' or '-'"),
  description: z.string().max(100_000).nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

const namespaceTool = z.object({
  type: z.literal("namespace"),
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "a namespace name is 1–64 letters, digits, '_' or '-'"),
  description: z.string().nullish(),
  // For a value that is not a list only: over 512 tools keeps its own message.
  tools: z.array(functionTool, { error: (issue) => (issue.code === "invalid_type" ? "a namespace holds function tools only" : undefined) }).max(512),
});

/** Function tools (alone or grouped in a namespace); OpenAI's hosted tools (web search, file search, computer use…) run at OpenAI. */
const tool = z.unknown().transform((value, context) => {
  const type = (value as { type?: unknown } | null)?.type;
  const schema = type === "function" ? functionTool : type === "namespace" ? namespaceTool : null;
  if (schema === null) {
    const hint = type === "web_search" ? " (Codex: set web_search = \"disabled\" in config.toml)" : "";
    context.addIssue({ code: "custom", message: `tools of type '${String(type)}' run at OpenAI and are not supported by Switchyard; send function tools${hint}` });
    return z.NEVER;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});

const toolChoice = z.union(
  [z.enum(["none", "auto", "required"]), z.object({ type: z.literal("function"), name: z.string().min(1) })],
  { error: "tool_choice must be 'none', 'auto', 'required' or { type: 'function', name }" },
);

const format = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("text") }),
    z.object({ type: z.literal("json_object") }),
    z.object({
      type: z.literal("json_schema"),
      name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "text.format.name is 1–64 letters, digits, '_' or '-'"),
      description: z.string().nullish(),
      schema: z.record(z.string(), z.unknown()),
      strict: z.boolean().nullish(),
    }),
  ],
  { error: "text.format.type must be text, json_object or json_schema" },
);

export const responsesBodySchema = z.strictObject({
  model: z.string().min(1, "model is required: use 'auto', 'tier:<tier key>' or a model alias").max(200),
  input: dispatched((value) =>
    typeof value === "string" ? z.string() : Array.isArray(value) ? z.array(item).min(1, "input must hold at least one item").max(10_000) : "input must be a string or a list of input items",
  ),
  instructions: z.string().nullish(),
  tools: z.array(tool).max(512).optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: z.boolean().nullish(),
  text: z.object({ format: format.optional(), verbosity: z.enum(["low", "medium", "high"]).nullish() }).nullish(),
  reasoning: z
    .object({
      effort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh"]).nullish(),
      // Summaries are written by OpenAI's own models; other models return their reasoning as is.
      summary: z.enum(["auto", "concise", "detailed"]).nullish(),
      generate_summary: z.enum(["auto", "concise", "detailed"]).nullish(),
    })
    .nullish(),
  max_output_tokens: z.number().int().positive().max(1_000_000).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  metadata: z.record(z.string().max(64), z.string().max(512)).nullish(),
  /** Codex's session and turn ids; never sent upstream. */
  client_metadata: z.record(z.string(), z.unknown()).nullish(),
  user: z.string().max(256).optional(),
  safety_identifier: z.string().max(256).optional(),
  prompt_cache_key: z.string().max(1024).optional(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_obfuscation: z.boolean().optional() }).nullish(),
  // Extra output Switchyard does not produce; asking for it changes nothing else, so it is accepted.
  include: z.array(z.string()).nullish(),
  service_tier: z.string().nullish(),
  truncation: z.enum(["disabled", "auto"]).nullish(),
  store: z.union([z.literal(false), z.null()], { error: stateless("store: true") }).optional(),
  previous_response_id: z.null({ error: stateless("previous_response_id") }).optional(),
  conversation: z.null({ error: stateless("conversation") }).optional(),
  background: z.union([z.literal(false), z.null()], { error: "background responses need server-side state; Switchyard answers in the foreground" }).optional(),
  prompt: z.null({ error: "stored prompts (prompt) live at OpenAI; send instructions and input instead" }).optional(),
  top_logprobs: z.union([z.literal(0), z.null()], { error: "top_logprobs are not returned by Switchyard; send the request without them" }).optional(),
  max_tool_calls: z.null({ error: "max_tool_calls limits OpenAI's hosted tools, which Switchyard does not run" }).optional(),
});

export type ResponsesBody = z.infer<typeof responsesBodySchema>;
export type ResponsesTool = NonNullable<ResponsesBody["tools"]>[number];
export type ResponsesInputItem = Exclude<ResponsesBody["input"], string>[number];
