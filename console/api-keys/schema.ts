// App key forms. A key scoped to features may only name those; its default feature (used when
// a request names none) must be one of them.
import { z } from "zod";
import { nameField, optionalWholeNumber, seenAtField } from "@/lib/forms/fields";

const scopeFields = {
  featureKeys: z.array(z.string().min(1)).max(100),
  defaultFeatureKey: z.preprocess((value) => (value === "" || value === undefined ? null : value), z.string().min(1).nullable()),
  rateLimitPerMinute: optionalWholeNumber(1, 1_000_000, "The rate limit"),
};

function defaultWithinScope(value: { featureKeys: string[]; defaultFeatureKey: string | null }, context: z.RefinementCtx) {
  if (value.defaultFeatureKey !== null && value.featureKeys.length > 0 && !value.featureKeys.includes(value.defaultFeatureKey)) {
    context.addIssue({ code: "custom", path: ["defaultFeatureKey"], message: "The default feature must be one of the features the key may use." });
  }
}

export const createApiKeySchema = z.object({ name: nameField, ...scopeFields }).superRefine(defaultWithinScope);
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const updateApiKeySchema = z.object({ id: z.string().min(1), seenAt: seenAtField, name: nameField, ...scopeFields }).superRefine(defaultWithinScope);
export type UpdateApiKeyInput = z.infer<typeof updateApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.string().min(1) });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeySchema>;
