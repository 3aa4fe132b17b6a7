import "server-only";
import { getDb } from "@/lib/db";

export interface ClassificationRuleRow {
  key: string;
  name: string;
  kind: "detector" | "regex" | "keywords";
  /** Built-in detector key when kind = detector. */
  detector: string | null;
  pattern: string | null;
  keywords: string[];
  /** The class a finding raises the request to. */
  dataClass: { key: string; name: string; rank: number };
  enabled: boolean;
  /** Row version, for optimistic concurrency when the rule is edited. */
  version: number;
}

/** Built-in detectors first, then admin rules; within each, the strictest class first. */
export async function listClassificationRules(): Promise<ClassificationRuleRow[]> {
  const rules = await getDb().classificationRule.findMany({
    include: { dataClass: { select: { key: true, name: true, rank: true } } },
    orderBy: { key: "asc" },
  });
  const kindOrder = { detector: 0, regex: 1, keywords: 2 } as const;
  return rules
    .map((rule) => ({
      key: rule.key,
      name: rule.name,
      kind: rule.kind,
      detector: rule.detector,
      pattern: rule.pattern,
      keywords: rule.keywords,
      dataClass: rule.dataClass,
      enabled: rule.enabled,
      version: rule.version,
    }))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || b.dataClass.rank - a.dataClass.rank || a.key.localeCompare(b.key));
}
