import "server-only";
import { BUILT_IN_DETECTORS } from "@/lib/detectors";
import { classChoices, detectorSettings, workingRules } from "../data-rules-view";
import { listClassificationRules } from "./list-classification-rules";
import { listDataClasses, loadDataRuleSettings } from "./list-data-classes";
import { listTierOptions } from "./list-tier-options";

/** Everything the data-rules page renders, loaded at once and shaped for its cards. */
export async function loadDataRules() {
  const [classes, rules, tiers, settings] = await Promise.all([listDataClasses(), listClassificationRules(), listTierOptions(), loadDataRuleSettings()]);
  return {
    classes,
    tiers,
    settings,
    classChoices: classChoices(classes),
    detectors: detectorSettings(rules),
    /** Built-in detectors appear in the detectors card; the rules table lists only admin rules. */
    adminRules: rules.filter((rule) => rule.kind !== "detector"),
    workingRules: workingRules(rules),
    classNames: Object.fromEntries(classes.map((dataClass) => [dataClass.key, dataClass.name])),
    detectorChoices: BUILT_IN_DETECTORS.map(({ key, label }) => ({ key, label })),
  };
}
