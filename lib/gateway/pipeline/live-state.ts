import type { LiveState, RateLimitedProvider } from "@/lib/routing/decision-types";
import type { ProviderHealth } from "@/lib/providers/resilience/circuit-breaker";

/**
 * The engine's view of provider health: an open circuit opened by a 429 is a rate limit (with
 * its retry-after), any other open circuit is an outage. Half-open circuits stay candidates so
 * the next request can probe them.
 */
export function liveStateFrom(health: readonly ProviderHealth[], spend: Record<string, number>, now: Date): LiveState {
  const openCircuitProviderKeys: string[] = [];
  const openCircuitRetryAfterSeconds: Record<string, number> = {};
  const rateLimitedProviders: RateLimitedProvider[] = [];
  for (const provider of health) {
    if (provider.state !== "open") continue;
    const retryAfterSeconds = Math.max(1, Math.ceil(((provider.reopensAt ?? now.getTime()) - now.getTime()) / 1000));
    if (provider.lastError?.kind === "rate_limited") {
      rateLimitedProviders.push({ providerKey: provider.providerKey, retryAfterSeconds });
    } else {
      openCircuitProviderKeys.push(provider.providerKey);
      // When the circuit lets a probe through: the earliest a retry can find the provider back.
      if (provider.reopensAt !== null) openCircuitRetryAfterSeconds[provider.providerKey] = retryAfterSeconds;
    }
  }
  return { openCircuitProviderKeys, openCircuitRetryAfterSeconds, rateLimitedProviders, monthToDateSpendUsdByFeature: spend, now };
}
