import "server-only";
import { getDb } from "@/lib/db";
import { readSettingsRow, type DataRuleSettingsValues } from "@/lib/config/data-rule-settings-schema";

export interface DataClassRow {
  key: string;
  name: string;
  rank: number;
  description: string;
  /** Tiers this class may be sent to, cheapest first. */
  tiers: Array<{ key: string; name: string }>;
  /** Provider regions this class may go to; empty = any region. */
  allowedRegions: string[];
  /** Row version, for optimistic concurrency when the class is edited. */
  version: number;
}

/** Data classes from least to most sensitive. */
export async function listDataClasses(): Promise<DataClassRow[]> {
  const classes = await getDb().dataClass.findMany({
    orderBy: { rank: "asc" },
    include: { tiers: { include: { tier: { select: { key: true, name: true, rank: true } } } } },
  });
  return classes.map((dataClass) => ({
    key: dataClass.key,
    name: dataClass.name,
    rank: dataClass.rank,
    description: dataClass.description,
    tiers: dataClass.tiers
      .map((entry) => entry.tier)
      .sort((a, b) => a.rank - b.rank)
      .map(({ key, name }) => ({ key, name })),
    allowedRegions: dataClass.allowedRegions,
    version: dataClass.version,
  }));
}

export interface DataRuleSettingsView extends DataRuleSettingsValues {
  /** 0 while the settings row does not exist yet (a database that was never seeded): saving creates it. */
  version: number;
}

/** The data rules' settings as their form opens them; the defaults when the row is missing. */
export async function loadDataRuleSettings(): Promise<DataRuleSettingsView> {
  const row = await getDb().dataRuleSettings.findUnique({ where: { id: 1 }, select: { unscannableDataClassKey: true, maxLoggedDataClassKey: true, maskedAnswerFindings: true, version: true } });
  return { ...readSettingsRow(row), version: row?.version ?? 0 };
}
