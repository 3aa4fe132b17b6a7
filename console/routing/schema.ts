// What the Routing forms send: a rule (conditions → outcome), a move up or down, a delete,
// and the difficulty → minimum tier map.
import { z } from "zod";
import { DIFFICULTIES } from "@/lib/routing/types";
import { choiceField, listField, optionalKeyField, optionalNumberField, slugField, textField, versionOrNewField } from "@/lib/forms/fields";

const TOKENS = { min: 0, max: 10_000_000, integer: true };

export const routingRuleInputSchema = z
  .object({
    key: slugField("the key"),
    /** 0 creates the rule (it goes last). */
    version: versionOrNewField,
    name: textField("a name", 120),
    enabled: z.boolean(),
    when: z.object({
      featureKey: optionalKeyField(),
      minTokens: optionalNumberField("the minimum estimated tokens", TOKENS),
      maxTokens: optionalNumberField("the maximum estimated tokens", TOKENS),
      keywords: listField("keywords", { maxItems: 50, maxLength: 100 }),
      difficulty: z.preprocess((value) => (value === "" ? null : value), z.enum(DIFFICULTIES).nullable()),
    }),
    then: z.object({
      minTierKey: optionalKeyField(),
      maxTierKey: optionalKeyField(),
      pinModelAlias: optionalKeyField(),
    }),
  })
  .superRefine((rule, context) => {
    const { minTokens, maxTokens } = rule.when;
    if (minTokens !== null && maxTokens !== null && minTokens > maxTokens) {
      context.addIssue({ code: "custom", path: ["when", "maxTokens"], message: "The maximum must be at least the minimum." });
    }
    const { minTierKey, maxTierKey, pinModelAlias } = rule.then;
    if (minTierKey === null && maxTierKey === null && pinModelAlias === null) {
      context.addIssue({ code: "custom", path: ["then", "minTierKey"], message: "Say what the rule does: a minimum tier, a maximum tier or a model to pin." });
    }
  });
export type RoutingRuleInput = z.infer<typeof routingRuleInputSchema>;

export const moveRuleSchema = z.object({ key: z.string().min(1), version: versionOrNewField, direction: z.enum(["up", "down"]) });
export const ruleRefSchema = z.object({ key: z.string().min(1), version: versionOrNewField });
export const ruleEnabledSchema = ruleRefSchema.extend({ enabled: z.boolean() });

export const difficultyMapSchema = z.object({
  /** The map has no version column: its newest updatedAt (epoch ms) stands in for one. */
  version: z.number().int().min(0),
  routine: choiceField("a tier for routine work"),
  standard: choiceField("a tier for standard work"),
  hard: choiceField("a tier for hard work"),
});
export type DifficultyMapInput = z.infer<typeof difficultyMapSchema>;
