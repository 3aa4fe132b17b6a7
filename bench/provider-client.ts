// bench/provider-client.ts — what one upstream call costs before any byte is sent: the
// gateway calls createProviderClient → languageModelFor for every request, and the AI SDK
// builds a new chat model (with its zod response schemas) each time. Compares that with
// reusing one model object. No network: only construction is timed.
//
//   npx tsx bench/provider-client.ts
import { createProviderClient } from "@/lib/providers/create-provider-client";
import { languageModelFor } from "@/lib/providers/provider-instances";
import type { ModelPolicy, ProviderPolicy } from "@/lib/routing/types";
import { loadLine } from "./lib/machine";
import { rounded, summarise, table } from "./lib/stats";

const provider: ProviderPolicy = { key: "bench", name: "Bench", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", apiKeyEnv: "BENCH_PROVIDER_KEY", region: "on-prem", enabled: true };
const model: ModelPolicy = {
  alias: "llama-3.1-8b",
  providerModelId: "llama3.1:8b",
  providerKey: "bench",
  tierKey: "local",
  contextWindow: 8192,
  inputPricePerMTok: 0.1,
  outputPricePerMTok: 0.1,
  licenceKey: "llama-3.1",
  enabled: true,
  priority: 1,
  capabilities: ["tools", "structured_output"],
  maxOutputTokens: null,
  cachedInputPricePerMTok: null,
  cacheWritePricePerMTok: null,
  longContext: null,
};
const readSecret = () => "bench-secret";
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5_000);

function time(label: string, run: () => unknown) {
  for (let i = 0; i < 500; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const start = performance.now();
    run();
    samples.push((performance.now() - start) * 1000);
  }
  return [label, ...Object.values(rounded(summarise(samples), 1)).slice(1, 5)] as Array<string | number>;
}

const reused = languageModelFor(provider, model.providerModelId, readSecret);
console.log(`Provider client construction, µs per call (${ITERATIONS} calls after 500 warm-up; ${loadLine()})`);
console.log(
  table([
    ["step", "mean", "p50", "p90", "p99"],
    time("languageModelFor (per request today)", () => languageModelFor(provider, model.providerModelId, readSecret)),
    time("createProviderClient + resolveModel", () => createProviderClient(provider, model, { readSecret }).generate.length && languageModelFor(provider, model.providerModelId, readSecret)),
    time("reuse one model object", () => reused),
  ]),
);
