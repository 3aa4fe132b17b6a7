// The feature form. The key is typed once: decision records, rollups, budgets and app keys
// refer to it, so it cannot change after the feature is created.
import { z } from "zod";
import { DATA_CLASSES, DIFFICULTIES } from "@/lib/routing/types";
import { jurisdictionList, keyField, nameField, optionalUsd, optionalWholeNumber, versionField } from "@/lib/forms/fields";

const featureFields = {
  name: nameField,
  team: nameField,
  owner: z.string().trim().min(2, "Name the person or address responsible, e.g. dana@example.com.").max(200, "At most 200 characters."),
  monthlyBudgetUsd: optionalUsd("The monthly budget"),
  budgetAction: z.enum(["downgrade", "block"], { message: "Choose what happens past the budget." }),
  defaultDifficulty: z.enum(DIFFICULTIES, { message: "Choose a default difficulty." }),
  defaultDataClassKey: z.enum(DATA_CLASSES, { message: "Choose a default data class." }),
  allowPromptLogging: z.boolean(),
  commercial: z.boolean(),
  monthlyActiveUsers: optionalWholeNumber(0, 10_000_000_000, "Monthly active users"),
  jurisdictions: jurisdictionList,
  /** The difficulty estimator's dial as a percentage of requests to send to the frontier; "" = off. */
  estimatorFrontierSharePercent: optionalWholeNumber(1, 100, "The frontier share"),
};

export const createFeatureSchema = z.object({ ...featureFields, key: keyField });
export type CreateFeatureInput = z.infer<typeof createFeatureSchema>;

export const updateFeatureSchema = z.object({ ...featureFields, key: z.string().min(1), version: versionField });
export type UpdateFeatureInput = z.infer<typeof updateFeatureSchema>;
