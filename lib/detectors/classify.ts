// The request's data class: the highest of what the detectors found, what the caller
// declared and the feature's floor. A caller can raise the class, never lower it.
import { DATA_CLASSES, type DataClassKey, type Finding } from "@/lib/routing/types";

export interface Classification {
  dataClass: DataClassKey;
  /**
   * What set the class: every source at the final class, in order "floor", "declared", then
   * finding types (the same reading as lib/routing's data-class step). Sources can tie.
   */
  raisedBy: string[];
}

const rank = (dataClass: DataClassKey): number => DATA_CLASSES.indexOf(dataClass);

export function classify(findings: readonly Finding[], declared: DataClassKey | null, floor: DataClassKey): Classification {
  const sources: Array<[name: string, dataClass: DataClassKey]> = [["floor", floor]];
  if (declared !== null) sources.push(["declared", declared]);
  for (const finding of findings) {
    if (finding.count > 0) sources.push([finding.type, finding.dataClass]);
  }
  const dataClass = sources.reduce<DataClassKey>(
    (highest, [, candidate]) => (rank(candidate) > rank(highest) ? candidate : highest),
    floor,
  );
  return { dataClass, raisedBy: sources.filter(([, candidate]) => candidate === dataClass).map(([name]) => name) };
}
