// What the change log keeps of a classification rule: everything an auditor needs to see
// what it matched and where it sent the request.
export function classificationRuleView(rule: {
  name: string;
  kind: string;
  detector: string | null;
  pattern: string | null;
  keywords: string[];
  dataClassKey: string;
  enabled: boolean;
}) {
  return {
    name: rule.name,
    kind: rule.kind,
    ...(rule.kind === "detector" ? { detector: rule.detector } : {}),
    ...(rule.kind === "regex" ? { pattern: rule.pattern } : {}),
    ...(rule.kind === "keywords" ? { keywords: rule.keywords } : {}),
    dataClass: rule.dataClassKey,
    enabled: rule.enabled,
  };
}
