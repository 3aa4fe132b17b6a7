// Data class: the one constraint nothing overrides. The class is the highest of the findings,
// the caller's declaration and the feature's floor; it bounds tiers and provider regions for
// every later step — pins, rules, budget downgrades and fallbacks included.
import { describeFindings } from "../explain/finding-names";
import type { ModelView, Verdict } from "../model-view";
import { orderTierKeys, type SnapshotIndex } from "../snapshot-index";
import {
  DATA_CLASSES,
  type Analysis,
  type DataClassDecision,
  type DataClassKey,
  type DataClassSource,
  type FeaturePolicy,
} from "../types";
import { listWords, plural, tierPhrase } from "../explain/wording";

/**
 * The floor when the request names no known feature. Not "public": traffic nobody has
 * attributed is still company traffic, and the cost of treating it as internal is nil under
 * the default policy (both classes may use every tier) while an admin who restricts internal
 * data (regions, tiers) expects unattributed calls to obey that too. Fail closed.
 */
export const NO_FEATURE_DATA_CLASS: DataClassKey = "internal";

/** The order the design fixes: public < internal < confidential < restricted. */
export function dataClassRank(key: DataClassKey): number {
  return DATA_CLASSES.indexOf(key);
}

export interface ResolvedDataClass extends DataClassDecision {
  /** False when the snapshot has no policy for the class: then no tier is allowed. */
  hasPolicy: boolean;
  trace: string[];
}

export function resolveDataClass(
  analysis: Analysis,
  feature: FeaturePolicy | null,
  index: SnapshotIndex,
): ResolvedDataClass {
  const floor: DataClassSource =
    feature === null
      ? { kind: "no_feature_floor", dataClass: NO_FEATURE_DATA_CLASS }
      : { kind: "feature", featureKey: feature.key, dataClass: feature.defaultDataClass };
  const sources: DataClassSource[] = [floor];
  if (analysis.declaredDataClass !== null) sources.push({ kind: "declared", dataClass: analysis.declaredDataClass });
  for (const finding of analysis.findings) {
    sources.push({ kind: "finding", findingType: finding.type, count: finding.count, dataClass: finding.dataClass });
  }

  const key = sources.reduce<DataClassKey>(
    (highest, source) => (dataClassRank(source.dataClass) > dataClassRank(highest) ? source.dataClass : highest),
    floor.dataClass,
  );
  const policy = index.dataClasses.get(key);
  const resolved: ResolvedDataClass = {
    key,
    raisedBy: sources.filter((source) => source.dataClass === key),
    allowedTierKeys: policy === undefined ? [] : orderTierKeys(index, policy.allowedTierKeys),
    allowedRegions: policy?.allowedRegions ?? [],
    hasPolicy: policy !== undefined,
    trace: [],
  };
  resolved.trace = explainDataClass(resolved, analysis, feature);
  return resolved;
}

/** "(may use: local)" / "(may use: local, hosted-open; regions: eu-west)". */
export function allowanceWords(dataClass: DataClassDecision & { hasPolicy: boolean }): string {
  if (!dataClass.hasPolicy) return "(no policy for this class, so no tier may be used)";
  const tiers = dataClass.allowedTierKeys.length === 0 ? "no tier" : dataClass.allowedTierKeys.join(", ");
  const regions = dataClass.allowedRegions.length === 0 ? "" : `; regions: ${dataClass.allowedRegions.join(", ")}`;
  return `(may use: ${tiers}${regions})`;
}

function explainDataClass(resolved: ResolvedDataClass, analysis: Analysis, feature: FeaturePolicy | null): string[] {
  const lines: string[] = [];
  const allowance = allowanceWords(resolved);
  const findingsAtClass = analysis.findings.filter((finding) => finding.dataClass === resolved.key);
  const declared = analysis.declaredDataClass;

  if (analysis.findings.length === 0) lines.push("No sensitive data found in the prompt.");
  if (findingsAtClass.length > 0) {
    lines.push(`Found ${describeFindings(analysis.findings)} → data class ${resolved.key} ${allowance}.`);
  } else {
    if (analysis.findings.length > 0) {
      const highest = analysis.findings.reduce((top, finding) =>
        dataClassRank(finding.dataClass) > dataClassRank(top.dataClass) ? finding : top,
      );
      lines.push(`Found ${describeFindings(analysis.findings)}, which alone would mean data class ${highest.dataClass}.`);
    }
    if (declared === resolved.key) {
      lines.push(`The caller declared data class ${resolved.key} ${allowance}.`);
    } else if (feature !== null) {
      lines.push(`Feature ${feature.name} carries data class ${resolved.key} by default ${allowance}.`);
    } else {
      lines.push(
        `No known feature, so the fail-closed floor applies: data class ${resolved.key} ${allowance}.`,
      );
    }
  }
  if (declared !== null && dataClassRank(declared) < dataClassRank(resolved.key)) {
    lines.push(
      `The caller declared data class ${declared}, but a request can only raise its data class, never lower it.`,
    );
  }
  return lines;
}

function regionAllowed(region: string, allowedRegions: readonly string[]): boolean {
  const wanted = region.toLowerCase();
  return allowedRegions.some((allowed) => allowed.toLowerCase() === wanted);
}

export interface ClassVerdict extends Verdict {
  reason: "data_class" | "region";
}

/** Tier first, then region: a model outside either never becomes a candidate. */
export function dataClassCheck({ model, provider }: ModelView, dataClass: ResolvedDataClass): ClassVerdict | null {
  if (!dataClass.allowedTierKeys.includes(model.tierKey)) {
    return { reason: "data_class", detail: classTierSentence(dataClass) };
  }
  if (dataClass.allowedRegions.length > 0) {
    const allowed = `data class ${dataClass.key} may go only to ${plural(dataClass.allowedRegions.length, "region")} ${listWords(dataClass.allowedRegions, "or")}`;
    if (provider === undefined) {
      return { reason: "region", detail: `${allowed}; provider ${model.providerKey} is not configured, so its region is unknown.` };
    }
    if (!regionAllowed(provider.region, dataClass.allowedRegions)) {
      return { reason: "region", detail: `${allowed}; provider ${provider.key} is in ${provider.region}.` };
    }
  }
  return null;
}

/** Why the request has its class, for refusals: "found 1 payment card", "declared by the caller". */
export function dataClassCause(dataClass: ResolvedDataClass): string {
  const findings = dataClass.raisedBy.flatMap((source) => (source.kind === "finding" ? [{ type: source.findingType, count: source.count }] : []));
  const parts: string[] = [];
  if (findings.length > 0) parts.push(`found ${describeFindings(findings.map((finding) => ({ ...finding, positions: [], dataClass: dataClass.key })))}`);
  for (const source of dataClass.raisedBy) {
    if (source.kind === "declared") parts.push("declared by the caller");
    if (source.kind === "feature") parts.push(`the default of feature ${source.featureKey}`);
    if (source.kind === "no_feature_floor") parts.push("no feature given");
  }
  return parts.join("; ");
}

/** "data class restricted may use only the local tier." */
export function classTierSentence(dataClass: ResolvedDataClass): string {
  if (!dataClass.hasPolicy) return `data class ${dataClass.key} has no policy, so no tier may be used.`;
  if (dataClass.allowedTierKeys.length === 0) return `data class ${dataClass.key} may use no tier.`;
  return `data class ${dataClass.key} may use only ${tierPhrase(dataClass.allowedTierKeys)}.`;
}
