// What the Providers form sends. A provider row holds the NAME of the environment variable
// with its key, never the key: the schema refuses anything that looks like a secret.
import { z } from "zod";
import { numberField, optionalKeyField, slugField, textField, versionField } from "./form-fields";

export const PROVIDER_KINDS = ["openai", "anthropic", "openai-compatible", "simulator"] as const;
export type ProviderKindInput = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_KIND_LABELS: Record<ProviderKindInput, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  "openai-compatible": "OpenAI-compatible (Ollama, vLLM, Together, Groq…)",
  simulator: "Simulator (answers generated locally)",
};

/** POSIX-style variable names as shells and .env files use them: OPENAI_API_KEY. */
export const ENV_VAR_NAME = /^[A-Z_][A-Z0-9_]*$/;

// Upper-case key formats that would otherwise pass as a variable name (AWS access key ids).
const LOOKS_LIKE_A_KEY = /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$/;

export const apiKeyEnvField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim()) : (value ?? null)),
  z
    .string()
    .max(100, "A variable name is at most 100 characters.")
    .regex(ENV_VAR_NAME, "Enter the NAME of the environment variable that holds the key (like OPENAI_API_KEY): capitals, digits and underscores — never the key itself.")
    .refine((name) => !LOOKS_LIKE_A_KEY.test(name), "This looks like a key, not a variable name. Put the key in the server's environment and enter the variable's name here.")
    .nullable(),
);

const urlField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim()) : (value ?? null)),
  z
    .string()
    .max(500)
    .url("Enter a full URL such as https://api.together.xyz/v1.")
    .refine((url) => /^https?:\/\//i.test(url), "The base URL must start with http:// or https://.")
    .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), "Leave credentials out of the URL; name the variable that holds the key instead.")
    .nullable(),
);

export const providerInputSchema = z
  .object({
    key: slugField("the key"),
    /** 0 creates the provider. */
    version: versionField,
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

export const testConnectionSchema = z.object({ providerKey: z.string().min(1), modelAlias: optionalKeyField() });
