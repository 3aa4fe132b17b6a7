// OpenAI's chat completions request body, as Switchyard accepts it. Every documented field is
// either understood (and translated into the canonical request), passed on to OpenAI-wire
// upstreams unchanged, or refused by name; fields nobody documents yet are kept and passed on
// too (SDKs add fields faster than gateways learn them).
import { z } from "zod";

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const imagePart = z.object({
  type: z.literal("image_url"),
  image_url: z.object({
    url: z.string().refine((url) => /^(https?:\/\/|data:image\/[a-z0-9.+-]+;base64,)/i.test(url), {
      error: "image_url.url must be an http(s) URL or a data:image/…;base64 URL",
    }),
    detail: z.enum(["auto", "low", "high"]).optional(),
  }),
});
const unsupportedPart = (type: string, what: string) =>
  z.object({ type: z.literal(type) }).transform((_value, context) => {
    context.addIssue({ code: "custom", message: `${what} content parts are not supported by Switchyard; send text or image_url parts` });
    return z.NEVER;
  });

const userPart = z.discriminatedUnion("type", [textPart, imagePart, unsupportedPart("input_audio", "input_audio"), unsupportedPart("file", "file")], {
  error: "a user content part must be { type: 'text', text } or { type: 'image_url', image_url: { url } }",
});
const refusalPart = z.object({ type: z.literal("refusal"), refusal: z.string() });

const textContent = z.union([z.string(), z.array(textPart)], { error: "content must be a string or an array of text parts ({ type: 'text', text })" });
const userContent = z.union([z.string(), z.array(userPart)], { error: "content must be a string or an array of text and image_url parts" });
const assistantContent = z.union([z.string(), z.array(z.discriminatedUnion("type", [textPart, refusalPart]))]).nullable().optional();

const toolCall = z.object({
  id: z.string().min(1).max(512),
  type: z.literal("function"),
  function: z.object({ name: z.string().min(1).max(256), arguments: z.string() }),
});

const deprecatedFunctionCall = z
  .unknown()
  .optional()
  .refine((value) => value === undefined || value === null, { error: "function_call is deprecated and not supported: use tool_calls" });

export const chatMessageSchema = z.discriminatedUnion(
  "role",
  [
    z.object({ role: z.literal("system"), content: textContent, name: z.string().max(256).optional() }),
    z.object({ role: z.literal("developer"), content: textContent, name: z.string().max(256).optional() }),
    z.object({ role: z.literal("user"), content: userContent, name: z.string().max(256).optional() }),
    z.object({
      role: z.literal("assistant"),
      content: assistantContent,
      tool_calls: z.array(toolCall).max(128).optional(),
      name: z.string().max(256).optional(),
      refusal: z.string().nullable().optional(),
      function_call: deprecatedFunctionCall,
    }),
    z.object({ role: z.literal("tool"), content: textContent, tool_call_id: z.string().min(1).max(512) }),
  ],
  { error: "role must be one of system, developer, user, assistant, tool" },
);

const functionTool = z.object({
  type: z.literal("function"),
  function: z.object({
    name: z.string().regex(/^[a-zA-Z0-9_.-]{1,128}$/, "a function name is 1–128 letters, digits, '_', '.' or '-'"),
    description: z.string().max(100_000).optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullable().optional(),
  }),
});

const toolChoice = z.union(
  [
    z.enum(["none", "auto", "required"]),
    z.object({ type: z.literal("function"), function: z.object({ name: z.string().min(1) }) }),
  ],
  { error: "tool_choice must be 'none', 'auto', 'required' or { type: 'function', function: { name } }" },
);

const responseFormat = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("text") }),
    z.object({ type: z.literal("json_object") }),
    z.object({
      type: z.literal("json_schema"),
      json_schema: z.object({
        name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "json_schema.name is 1–64 letters, digits, '_' or '-'"),
        description: z.string().optional(),
        schema: z.record(z.string(), z.unknown()).optional(),
        strict: z.boolean().nullable().optional(),
      }),
    }),
  ],
  { error: "response_format.type must be text, json_object or json_schema" },
);

const refuse = (message: string) => z.unknown().refine(() => false, { error: message });

/** Fields Switchyard reads; everything else in the body is kept as an extra. */
export const chatParameters = {
  messages: z.array(chatMessageSchema).min(1, "messages must contain at least one message").max(10_000),
  max_tokens: z.number().int().positive().max(1_000_000).nullable().optional(),
  max_completion_tokens: z.number().int().positive().max(1_000_000).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  n: z.literal(1, { error: "Switchyard returns one choice per request: n must be 1" }).nullable().optional(),
  // For a value that is not a list only: over 512 tools keeps its own message.
  tools: z
    .array(functionTool, { error: (issue) => (issue.code === "invalid_type" ? "tools must be a list of { type: 'function', function: { name, parameters } } (custom tools are not supported)" : undefined) })
    .max(512)
    .optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  response_format: responseFormat.nullable().optional(),
  reasoning_effort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh"]).nullable().optional(),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }).nullable().optional(),
  user: z.string().max(256).optional(),
  // Answers Switchyard cannot relay yet: refused by name rather than silently dropped.
  logprobs: z.union([z.literal(false), z.null()], { error: "logprobs are not returned by Switchyard; send the request without logprobs" }).optional(),
  top_logprobs: z.union([z.literal(0), z.null()], { error: "top_logprobs are not returned by Switchyard; send the request without them" }).optional(),
  modalities: z.array(z.literal("text", { error: "Switchyard returns text only: modalities must be ['text']" })).nullable().optional(),
  audio: z.null({ error: "audio output is not supported by Switchyard" }).optional(),
  functions: refuse("functions is deprecated and not supported: use tools").optional(),
  function_call: refuse("function_call is deprecated and not supported: use tool_choice").optional(),
};

export const chatCompletionsBodySchema = z.looseObject({
  model: z.string().min(1, "model is required: use 'auto', 'tier:<tier key>' or a model alias").max(200),
  ...chatParameters,
});

export type ChatCompletionsBody = z.infer<typeof chatCompletionsBodySchema>;
/** The fields Switchyard reads, typed (the body may hold more). */
export type ChatParameters = z.infer<z.ZodObject<typeof chatParameters>>;

/** The body keys Switchyard reads itself (the rest become extras). */
export const KNOWN_CHAT_FIELDS = new Set(["model", ...Object.keys(chatParameters)]);
