// The check behind dataClassViolations: the tiers a replayed request's class allows, worked out
// here from the record's inputs and the policy's table — not read back from the decision — so a
// fault in the engine's data-class step would show up as a count above zero. Pure.
import { DATA_CLASSES, type Analysis, type DataClassKey, type PolicySnapshot } from "@/lib/routing/types";

/** decide() treats requests without a known feature as internal (lib/routing/constraints/data-class.ts). */
const UNATTRIBUTED_FLOOR: DataClassKey = "internal";

export function independentAllowance(analysis: Analysis, snapshot: PolicySnapshot): Set<string> {
  const feature = snapshot.features.find((entry) => entry.key === analysis.featureKey);
  const classes: DataClassKey[] = [feature?.defaultDataClass ?? UNATTRIBUTED_FLOOR, ...analysis.findings.map((finding) => finding.dataClass)];
  if (analysis.declaredDataClass !== null) classes.push(analysis.declaredDataClass);
  const highest = classes.reduce((top, key) => (DATA_CLASSES.indexOf(key) > DATA_CLASSES.indexOf(top) ? key : top));
  return new Set(snapshot.dataClasses.find((entry) => entry.key === highest)?.allowedTierKeys ?? []);
}
