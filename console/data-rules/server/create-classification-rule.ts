import "server-only";
import { getDb } from "@/lib/db";
import { checkRegexSafety } from "@/lib/detectors";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { classificationRuleView } from "./classification-rule-view";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { CreateRuleInput, UpdateRuleInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

/** The matcher columns of an admin rule; the regex is checked again here, whoever calls. */
export function ruleMatcher(input: CreateRuleInput | UpdateRuleInput): { kind: "regex" | "keywords"; pattern: string | null; keywords: string[] } {
  if (input.kind === "regex") {
    const safety = checkRegexSafety(input.pattern);
    if (!safety.ok) throw new ConfigRuleError(safety.reason, "pattern");
    return { kind: "regex", pattern: input.pattern, keywords: [] };
  }
  if (input.keywords.length === 0) throw new ConfigRuleError("Enter at least one keyword or phrase, one per line.", "keywords");
  return { kind: "keywords", pattern: null, keywords: input.keywords };
}

/** Adds an admin regex or keyword rule to the working configuration (live after Publish). */
export async function createClassificationRule(input: CreateRuleInput, actor: Actor): Promise<{ key: string }> {
  const matcher = ruleMatcher(input);
  return getDb().$transaction(async (tx) => {
    if (await tx.classificationRule.findUnique({ where: { key: input.key }, select: { key: true } })) {
      throw new ConfigRuleError(`A rule with the key "${input.key}" already exists. Choose another key.`, "key");
    }
    const rule = await tx.classificationRule.create({
      data: { key: input.key, name: input.name, ...matcher, detector: null, dataClassKey: input.dataClassKey, enabled: input.enabled },
    });
    await recordChange(tx, actor, { entity: ENTITY.classificationRule, entityKey: rule.key, action: "create", after: classificationRuleView(rule) });
    return { key: rule.key };
  });
}
