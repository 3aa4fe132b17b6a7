import { ApiError } from "@/lib/http/api-error";
import type { AppKey } from "./authenticate";
import type { LoadedPolicy } from "./policy-store";

/**
 * The feature a request is attributed to: the one it names (header or field), else the key's
 * default. A key scoped to features may only name those; an unknown feature is a 400, because
 * budgets, licences and the data-class floor all hang on it.
 */
export function resolveFeature(requested: string | null, key: AppKey, policy: LoadedPolicy): string | null {
  const featureKey = requested ?? key.defaultFeatureKey;
  if (featureKey === null) return null;
  if (key.featureKeys.length > 0 && !key.featureKeys.includes(featureKey)) {
    throw new ApiError(403, "feature_not_allowed", `This API key may not be used for feature '${featureKey}'. It is scoped to: ${key.featureKeys.join(", ")}.`, {
      param: "feature",
    });
  }
  if (!policy.features.has(featureKey)) {
    const known = [...policy.features.keys()];
    throw new ApiError(400, "unknown_feature", `Unknown feature '${featureKey}'.${known.length ? ` Known features: ${known.join(", ")}.` : ""}`, { param: "feature" });
  }
  return featureKey;
}
