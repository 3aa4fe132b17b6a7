import "server-only";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import { ApiError } from "@/lib/http/api-error";
import type { DataClassKey, Difficulty } from "@/lib/routing/types";

export interface PlaygroundOptions {
  policyVersion: number;
  features: Array<{ key: string; name: string; defaultDifficulty: Difficulty; defaultDataClass: DataClassKey }>;
  dataClasses: DataClassKey[];
  /** "auto", "tier:<key>" and enabled model aliases: what an app may put in `model`. */
  models: Array<{ value: string; label: string; group: "router" | "tier" | "model"; simulated: boolean }>;
}

/** The choices the playground offers, from the policy the gateway serves (not the working tables). */
export async function loadPlaygroundOptions(): Promise<PlaygroundOptions | null> {
  let policy;
  try {
    policy = await gatewayRuntime().policy.current();
  } catch (error) {
    if (error instanceof ApiError && error.code === "no_policy") return null;
    throw error;
  }
  const { snapshot } = policy;
  const tiers = [...snapshot.tiers].sort((a, b) => a.rank - b.rank);
  return {
    policyVersion: snapshot.version,
    features: snapshot.features.map((feature) => ({ key: feature.key, name: feature.name, defaultDifficulty: feature.defaultDifficulty, defaultDataClass: feature.defaultDataClass })),
    dataClasses: [...snapshot.dataClasses].sort((a, b) => a.rank - b.rank).map((dataClass) => dataClass.key),
    models: [
      { value: "auto", label: "auto (router decides)", group: "router", simulated: false },
      ...tiers.map((tier) => ({ value: `tier:${tier.key}`, label: `tier:${tier.key}`, group: "tier" as const, simulated: false })),
      ...snapshot.models
        // The playground sends chat requests: embedding models could never be pinned there.
        .filter((model) => model.enabled && (model.kind ?? "chat") === "chat")
        .map((model) => ({
          value: model.alias,
          label: `${model.alias} · ${model.tierKey}`,
          group: "model" as const,
          simulated: policy.providers.get(model.providerKey)?.kind === "simulator",
        })),
    ],
  };
}
