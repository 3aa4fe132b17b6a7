// Real providers when their settings are in the environment, otherwise one clearly labelled
// simulator per tier, so a fresh clone routes end to end without any account.
import { env, readSecret } from "../env";
import type { ProviderKind } from "../db";
import type { ProviderChoice } from "./catalogue";

export interface ProviderSeed {
  key: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string | null;
  apiKeyEnv: string | null;
  region: string;
  simulatedLatencyMs?: number;
}

const REAL: Record<ProviderChoice, () => ProviderSeed | null> = {
  ollama: () =>
    env.OLLAMA_BASE_URL
      ? { key: "ollama", name: "Local OpenAI-compatible server", kind: "openai_compatible", baseUrl: env.OLLAMA_BASE_URL, apiKeyEnv: null, region: "on-prem" }
      : null,
  together: () =>
    readSecret("TOGETHER_API_KEY")
      ? { key: "together", name: "Together AI", kind: "openai_compatible", baseUrl: "https://api.together.xyz/v1", apiKeyEnv: "TOGETHER_API_KEY", region: "us" }
      : null,
  deepseek: () =>
    readSecret("DEEPSEEK_API_KEY")
      ? { key: "deepseek", name: "DeepSeek API", kind: "openai_compatible", baseUrl: "https://api.deepseek.com/v1", apiKeyEnv: "DEEPSEEK_API_KEY", region: "cn" }
      : null,
  groq: () =>
    readSecret("GROQ_API_KEY")
      ? { key: "groq", name: "Groq", kind: "openai_compatible", baseUrl: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY", region: "us" }
      : null,
  openai: () =>
    readSecret("OPENAI_API_KEY")
      ? { key: "openai", name: "OpenAI", kind: "openai", baseUrl: "https://api.openai.com/v1", apiKeyEnv: "OPENAI_API_KEY", region: "us" }
      : null,
  anthropic: () =>
    readSecret("ANTHROPIC_API_KEY")
      ? { key: "anthropic", name: "Anthropic", kind: "anthropic", baseUrl: "https://api.anthropic.com/v1", apiKeyEnv: "ANTHROPIC_API_KEY", region: "us" }
      : null,
};

/** Groq serves Llama 3.3 too: use it for Together's Llama model when only Groq is configured. */
const GROQ_FALLBACK_IDS: Record<string, string> = { "llama-3.3-70b": "llama-3.3-70b-versatile" };

export function simulatorFor(tierKey: string): ProviderSeed {
  const settings: Record<string, { region: string; latency: number; label: string }> = {
    local: { region: "on-prem", latency: 40, label: "local" },
    "hosted-open": { region: "us", latency: 120, label: "hosted open-weight" },
    frontier: { region: "us", latency: 300, label: "frontier" },
  };
  const setting = settings[tierKey] ?? { region: "us", latency: 100, label: tierKey };
  return {
    key: `simulated-${tierKey}`,
    name: `Simulated ${setting.label} provider`,
    kind: "simulator",
    baseUrl: null,
    apiKeyEnv: null,
    region: setting.region,
    simulatedLatencyMs: setting.latency,
  };
}

/**
 * The provider a model runs on, its provider model id there and the catalogue entry for it
 * there (a simulator stands in for the real provider, so it keeps the real provider's entry).
 */
export function providerForModel(model: { alias: string; tierKey: string; provider: ProviderChoice; providerModelId: string; catalogueRef: string | null }): {
  provider: ProviderSeed;
  providerModelId: string;
  catalogueRef: string | null;
} {
  const real = REAL[model.provider]();
  if (real) return { provider: real, providerModelId: model.providerModelId, catalogueRef: model.catalogueRef };
  const groqId = GROQ_FALLBACK_IDS[model.alias];
  const groq = groqId ? REAL.groq() : null;
  if (groq && groqId) return { provider: groq, providerModelId: groqId, catalogueRef: `groq/${groqId}` };
  return { provider: simulatorFor(model.tierKey), providerModelId: model.providerModelId, catalogueRef: model.catalogueRef };
}
