// What a provider's endpoint may hold, for the configuration document and the Providers form
// alike: its kind, the NAME of the environment variable with its key (never the key: anything
// that looks like a secret is refused) and a base URL without credentials.
import { z } from "zod";

export const PROVIDER_KINDS = ["openai", "anthropic", "openai-compatible", "simulator"] as const;
export type ProviderKindInput = (typeof PROVIDER_KINDS)[number];

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

/**
 * Why a provider's base URL is unusable, or null: only http(s), and never credentials in the
 * URL (a key belongs in a variable, where it is not logged or shown). Also checked on the saved
 * URL before a connection test, so an old row is held to the same rule.
 */
export function baseUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter a full URL such as https://api.together.xyz/v1.";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "The base URL must start with http:// or https://.";
  if (parsed.username !== "" || parsed.password !== "") return "Leave credentials out of the URL; name the variable that holds the key instead.";
  return null;
}
