// What the Providers form sends. A provider row holds the NAME of the environment variable
// with its key, never the key: the schema refuses anything that looks like a secret.
import { z } from "zod";
import { apiKeyEnvField, baseUrlProblem, PROVIDER_KINDS, type ProviderKindInput } from "@/lib/config/provider-fields";
import { numberField, optionalKeyField, slugField, textField, versionOrNewField } from "@/lib/forms/fields";

export const PROVIDER_KIND_LABELS: Record<ProviderKindInput, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  "openai-compatible": "OpenAI-compatible (Ollama, vLLM, Together, Groq…)",
  simulator: "Simulator (answers generated locally)",
};

const urlField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim()) : (value ?? null)),
  z
    .string()
    .max(500)
    .superRefine((url, context) => {
      const problem = baseUrlProblem(url);
      if (problem) context.addIssue({ code: "custom", message: problem });
    })
    .nullable(),
);

export const providerInputSchema = z
  .object({
    key: slugField("the key"),
    /** 0 creates the provider. */
    version: versionOrNewField,
    name: textField("a name", 100),
    kind: z.enum(PROVIDER_KINDS, { error: "Choose what kind of provider this is." }),
    baseUrl: urlField,
    apiKeyEnv: apiKeyEnvField,
    region: slugField("the region", 40),
    enabled: z.boolean(),
    simulatedLatencyMs: numberField("the simulated latency", { min: 0, max: 60_000, integer: true }),
    simulatedFailureRate: numberField("the simulated failure rate", { min: 0, max: 1 }),
  })
  .superRefine((provider, context) => {
    if (provider.kind === "openai-compatible" && provider.baseUrl === null) {
      context.addIssue({ code: "custom", path: ["baseUrl"], message: "An OpenAI-compatible provider needs its base URL (e.g. http://localhost:11434/v1 for Ollama)." });
    }
  });
export type ProviderInput = z.infer<typeof providerInputSchema>;

/** Strict: a URL or key variable sent with the test is refused, never used (the test calls the saved provider). */
export const testConnectionSchema = z.object({ providerKey: z.string().min(1), modelAlias: optionalKeyField() }).strict();
