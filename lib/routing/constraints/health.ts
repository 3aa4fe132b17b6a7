// Health: what an admin switched off, and what live state says is failing right now.
// Disabled is policy and is checked early; circuits and rate limits are transient and checked
// last, so a model removed by them passed every policy check — which is what lets the empty
// list be reported as "only rate limits" (429) or "providers failing" (503) rather than as a policy refusal (4xx).
import type { ModelView, Verdict } from "../model-view";
import type { LiveState } from "../types";
import { formatCount } from "../explain/wording";

export function disabledCheck({ model, provider, tierPosition }: ModelView): Verdict | null {
  if (!model.enabled) return { reason: "disabled", detail: "the model is disabled." };
  if (provider === undefined) return { reason: "disabled", detail: `provider ${model.providerKey} is not configured.` };
  if (!provider.enabled) return { reason: "disabled", detail: `provider ${provider.key} is disabled.` };
  if (tierPosition === undefined) return { reason: "disabled", detail: `tier ${model.tierKey} is not configured.` };
  return null;
}

export function circuitCheck({ model }: ModelView, live: LiveState): Verdict | null {
  if (!live.openCircuitProviderKeys.includes(model.providerKey)) return null;
  return { reason: "circuit_open", detail: `provider ${model.providerKey} is failing (circuit open).` };
}

/** The longest wait reported for a provider, if it is rate-limited. */
export function retryAfterFor(providerKey: string, live: LiveState): number | null {
  const waits = live.rateLimitedProviders
    .filter((limited) => limited.providerKey === providerKey)
    .map((limited) => limited.retryAfterSeconds);
  return waits.length === 0 ? null : Math.max(...waits);
}

export function rateLimitCheck({ model }: ModelView, live: LiveState): Verdict | null {
  const retryAfter = retryAfterFor(model.providerKey, live);
  if (retryAfter === null) return null;
  return {
    reason: "rate_limit",
    detail: `provider ${model.providerKey} is rate-limited for another ${formatCount(retryAfter)} seconds.`,
  };
}
