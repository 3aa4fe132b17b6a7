import "server-only";
// Choices for the decision log's filters, from today's configuration. Records copy names rather
// than referencing rows, so a filter can still be typed by hand for a model or key since removed.
import { getDb } from "@/lib/db";

export interface DecisionFilterOptions {
  features: Array<{ key: string; name: string }>;
  keys: Array<{ id: string; name: string; prefix: string }>;
  tiers: Array<{ key: string; name: string }>;
  models: string[];
  dataClasses: string[];
}

export async function loadDecisionFilterOptions(): Promise<DecisionFilterOptions> {
  const db = getDb();
  const [features, keys, tiers, models, dataClasses] = await Promise.all([
    db.feature.findMany({ select: { key: true, name: true }, orderBy: { name: "asc" } }),
    db.apiKey.findMany({ select: { id: true, name: true, prefix: true }, orderBy: { name: "asc" } }),
    db.tier.findMany({ select: { key: true, name: true }, orderBy: { rank: "asc" } }),
    db.model.findMany({ select: { alias: true }, orderBy: { alias: "asc" } }),
    db.dataClass.findMany({ select: { key: true }, orderBy: { rank: "asc" } }),
  ]);
  return {
    features,
    keys,
    tiers,
    models: models.map((model) => model.alias),
    // Requests refused before analysis carry "unclassified".
    dataClasses: [...dataClasses.map((dataClass) => dataClass.key), "unclassified"],
  };
}
