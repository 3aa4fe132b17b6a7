// OpenAI's embeddings request body (`POST /v1/embeddings`), as Switchyard accepts it. Input is
// text: token-id arrays cannot be scanned by the detectors (and mean different text to different
// tokenisers), so they are refused with a 400 that says to send the text.
import { z } from "zod";

const tokenArrays = "input as token ids cannot be scanned for sensitive data; send the text (a string or a list of strings)";

const input = z.union([z.string(), z.array(z.string()).min(1, "input must hold at least one string").max(2048, "input holds at most 2048 strings")], {
  error: tokenArrays,
});

export const embeddingsBodySchema = z.strictObject({
  model: z.string().min(1, "model is required: use 'auto', 'tier:<tier key>' or an embedding model alias").max(200),
  input: z.unknown().transform((value, context) => {
    const isTokens = (item: unknown) => typeof item === "number" || (Array.isArray(item) && item.every((entry) => typeof entry === "number"));
    if (Array.isArray(value) && value.length > 0 && value.some(isTokens)) {
      context.addIssue({ code: "custom", message: tokenArrays });
      return z.NEVER;
    }
    const parsed = input.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  }),
  dimensions: z.number().int().positive().max(100_000).nullish(),
  encoding_format: z.enum(["float", "base64"], { error: "encoding_format must be 'float' or 'base64'" }).nullish(),
  user: z.string().max(256).optional(),
});

export type EmbeddingsBody = z.infer<typeof embeddingsBodySchema>;

/** The inputs as a list, in order. */
export function inputsOf(body: EmbeddingsBody): string[] {
  return typeof body.input === "string" ? [body.input] : body.input;
}
