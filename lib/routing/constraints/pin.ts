// Pins. A caller pin narrows the choice to one tier or one model and sets difficulty and rules
// aside — but never the data class: a pin outside it is refused (403), not quietly re-routed,
// because the caller asked for something the policy forbids and should be told.
// A routing-rule pin is the admin's preference: outside the class it is ignored, not refused.
import { classTierSentence, dataClassCause, dataClassCheck, type ClassVerdict, type ResolvedDataClass } from "./data-class";
import type { ModelView, Verdict } from "../model-view";
import { capabilityUnavailable, dataClassForbidden, modelNotFound } from "../explain/refusal";
import { missingCapability, type CapabilityNeeds } from "./capability";
import type { RuleMatch } from "./rules";
import type { SnapshotIndex } from "../snapshot-index";
import type { CallerPin, ModelPolicy, PinDecision, Refusal, RoutingRulePolicy } from "../types";

export type PinScope =
  | { kind: "none" }
  | { kind: "tier"; tierKey: string; source: "caller" }
  | { kind: "model"; alias: string; tierKey: string; source: "caller" | "rule"; rule: RoutingRulePolicy | null };

export type CallerPinResolution = { scope: PinScope; trace: string[] } | { refusal: Refusal };

export function resolveCallerPin(
  pin: CallerPin,
  index: SnapshotIndex,
  dataClass: ResolvedDataClass,
  needs: CapabilityNeeds,
): CallerPinResolution {
  if (pin.kind === "auto") return { scope: { kind: "none" }, trace: [] };

  if (pin.kind === "tier") {
    if (!index.tierPosition.has(pin.tierKey)) {
      return { refusal: modelNotFound(`The tier '${pin.tierKey}' does not exist.`) };
    }
    if (!dataClass.allowedTierKeys.includes(pin.tierKey)) {
      return {
        refusal: dataClassForbidden(
          sentenceCase(withCause(classTierSentence(dataClass), dataClass), `the request pins the ${pin.tierKey} tier.`),
          "data_class",
        ),
      };
    }
    return {
      scope: { kind: "tier", tierKey: pin.tierKey, source: "caller" },
      trace: [`The caller pinned the ${pin.tierKey} tier, so difficulty and routing rules do not choose the tier.`],
    };
  }

  const model = index.models.get(pin.alias);
  if (model === undefined) return { refusal: modelNotFound(`The model '${pin.alias}' does not exist.`) };
  const conflict = pinnedModelConflict(model, index, dataClass);
  if (conflict !== null) {
    const pinned =
      conflict.reason === "data_class"
        ? `the pinned model ${model.alias} is on the ${model.tierKey} tier.`
        : `the pinned model ${model.alias} is served from there.`;
    return { refusal: dataClassForbidden(sentenceCase(withCause(conflict.detail, dataClass), pinned), conflict.reason) };
  }
  // Asked for by name, a model that cannot do what the request needs is the caller's mistake.
  const missing = missingCapability(model, index.providers.get(model.providerKey)?.kind, needs);
  if (missing !== null) return { refusal: capabilityUnavailable(`The pinned model ${missing}; pin another model or send model "auto".`) };
  return {
    scope: { kind: "model", alias: model.alias, tierKey: model.tierKey, source: "caller", rule: null },
    trace: [`The caller pinned model ${model.alias} (${model.tierKey} tier), so difficulty and routing rules do not choose the model.`],
  };
}

/** "data class restricted may use …" → "data class restricted (found 1 payment card) may use …". */
function withCause(sentence: string, dataClass: ResolvedDataClass): string {
  const cause = dataClassCause(dataClass);
  const subject = `data class ${dataClass.key}`;
  return cause && sentence.startsWith(subject) ? `${subject} (${cause})${sentence.slice(subject.length)}` : sentence;
}

/** Joins a lower-case clause ending in "." and a second clause into one capitalised sentence. */
function sentenceCase(first: string, second: string): string {
  const clause = first.replace(/\.$/, "");
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}; ${second}`;
}

/** A data-class (tier or region) conflict for a pinned model, or null. */
export function pinnedModelConflict(
  model: ModelPolicy,
  index: SnapshotIndex,
  dataClass: ResolvedDataClass,
): ClassVerdict | null {
  const view: ModelView = {
    model,
    provider: index.providers.get(model.providerKey),
    tierPosition: index.tierPosition.get(model.tierKey),
  };
  return dataClassCheck(view, dataClass);
}

/** Removes every model the pin does not name. */
export function pinCheck({ model }: ModelView, scope: PinScope): Verdict | null {
  if (scope.kind === "tier" && model.tierKey !== scope.tierKey) {
    return { reason: "pin", detail: `the caller pinned the ${scope.tierKey} tier.` };
  }
  if (scope.kind === "model" && model.alias !== scope.alias) {
    return scope.source === "caller"
      ? { reason: "pin", detail: `the caller pinned model ${scope.alias}.` }
      : { reason: "rule", detail: `rule "${scope.rule?.name ?? ""}" pins model ${scope.alias}.` };
  }
  return null;
}

export function pinDecision(scope: PinScope): PinDecision | null {
  switch (scope.kind) {
    case "none":
      return null;
    case "tier":
      return { source: "caller", kind: "tier", target: scope.tierKey, ruleKey: null };
    case "model":
      return { source: scope.source, kind: "model", target: scope.alias, ruleKey: scope.rule?.key ?? null };
  }
}

/**
 * The first matching rule that pins a model wins; later pins are noted and dropped. A pin the
 * data class forbids, naming an unknown model, or dearer than a budget downgrade allows is
 * ignored (with a trace line) and routing carries on as if the rule set no pin.
 */
export function resolveRulePin(
  matches: readonly RuleMatch[],
  callerScope: PinScope,
  index: SnapshotIndex,
  dataClass: ResolvedDataClass,
  budgetTier: { key: string; position: number } | null,
  needs: CapabilityNeeds,
): { scope: PinScope; trace: string[] } {
  const pinning = matches.filter((match) => match.rule.then.pinModelAlias !== null);
  const [first, ...later] = pinning;
  if (first === undefined) return { scope: { kind: "none" }, trace: [] };
  const alias = first.rule.then.pinModelAlias ?? "";
  const rule = `Rule "${first.rule.name}" pins model ${alias}`;
  const trace = later.map(
    (match) => `Rule "${match.rule.name}" also pins model ${match.rule.then.pinModelAlias ?? ""}, but rule "${first.rule.name}" comes first.`,
  );
  const none: PinScope = { kind: "none" };

  if (callerScope.kind !== "none") return { scope: none, trace: [`${rule}, but the caller's pin takes precedence.`, ...trace] };
  const model = index.models.get(alias);
  if (model === undefined) return { scope: none, trace: [`${rule}, which does not exist; the pin is ignored.`, ...trace] };
  const conflict = pinnedModelConflict(model, index, dataClass);
  if (conflict !== null) {
    return { scope: none, trace: [`${rule}, but ${conflict.detail.replace(/\.$/, "")}; the pin is ignored.`, ...trace] };
  }
  const missing = missingCapability(model, index.providers.get(model.providerKey)?.kind, needs);
  if (missing !== null) return { scope: none, trace: [`${rule}, but ${missing}; the pin is ignored.`, ...trace] };
  const position = index.tierPosition.get(model.tierKey);
  if (budgetTier !== null && position !== undefined && position > budgetTier.position) {
    return {
      scope: none,
      trace: [`${rule} on the ${model.tierKey} tier, but the budget downgrade keeps only the ${budgetTier.key} tier; the pin is ignored.`, ...trace],
    };
  }
  return {
    scope: { kind: "model", alias: model.alias, tierKey: model.tierKey, source: "rule", rule: first.rule },
    trace: [`${rule} (${model.tierKey} tier): only that model is considered.`, ...trace],
  };
}
