import { apiError } from "@/lib/http/api-error";
import type { AppKey } from "../auth/authenticate";
import type { LoadedPolicy } from "../instance/policy-store";

/**
 * The feature a request is attributed to: the one it names (header or field), else the key's
 * default. A key scoped to features may only name those, and must name one when it has no
 * default: attributing its request to no feature would drop the feature's data-class floor and
 * budget, which is exactly what scoping the key was for. An unknown feature is a 400, because
 * budgets, licences and the data-class floor all hang on it.
 */
export function resolveFeature(requested: string | null, key: AppKey, policy: LoadedPolicy): string | null {
  const featureKey = requested ?? key.defaultFeatureKey;
  const scoped = key.featureKeys.length > 0;
  if (featureKey === null) {
    if (!scoped) return null;
    throw apiError("feature_required", `This API key is scoped to features and has no default: name one with the 'x-switchyard-feature' header (or 'feature' on /api/route). Allowed: ${key.featureKeys.join(", ")}.`, {
      param: "feature",
    });
  }
  if (scoped && !key.featureKeys.includes(featureKey)) {
    throw apiError("feature_not_allowed", `This API key may not be used for feature '${featureKey}'. It is scoped to: ${key.featureKeys.join(", ")}.`, {
      param: "feature",
    });
  }
  if (!policy.features.has(featureKey)) {
    const known = [...policy.features.keys()];
    throw apiError("unknown_feature", `Unknown feature '${featureKey}'.${known.length ? ` Known features: ${known.join(", ")}.` : ""}`, { param: "feature" });
  }
  return featureKey;
}
