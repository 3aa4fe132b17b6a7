// What applying a configuration document would change: per kind of row, the entries to
// create, update and remove, plus the same in words for the person about to apply it. Pure.
import type { ConfigDocument } from "./config-document-schema";
import { CAPABILITIES } from "@/lib/routing/types";
import { capabilityField, describeSection, enabledSentence, list, onOff, plain, usd, yesNo, type ChangeField, type ChangeSection, type DescribedChange } from "../changes/describe-changes";

export interface EntityPlan<T> {
  created: T[];
  updated: Array<{ before: T; after: T }>;
  removed: T[];
}

type SettingsDoc = Pick<ConfigDocument, "unscannableDataClass" | "maxLoggedDataClass" | "maskedAnswerFindings">;
const settingsOf = (doc: ConfigDocument): SettingsDoc => ({ unscannableDataClass: doc.unscannableDataClass, maxLoggedDataClass: doc.maxLoggedDataClass, maskedAnswerFindings: doc.maskedAnswerFindings });

/** The data rule settings as the change list words them: label, and the value as text. */
const SETTING_WORDS: Array<{ key: keyof SettingsDoc; field: string; text: (doc: SettingsDoc) => string }> = [
  { key: "unscannableDataClass", field: "unscannable content", text: (doc) => doc.unscannableDataClass },
  { key: "maxLoggedDataClass", field: "prompts stored up to", text: (doc) => doc.maxLoggedDataClass },
  { key: "maskedAnswerFindings", field: "masked in answers", text: (doc) => (doc.maskedAnswerFindings.length > 0 ? doc.maskedAnswerFindings.join(", ") : "nothing") },
];

type ListSection = "tiers" | "providers" | "hardwareProfiles" | "licences" | "models" | "dataClasses" | "classificationRules" | "routingRules" | "features" | "modelNameMappings";
type Entry<S extends ListSection> = NonNullable<ConfigDocument[S]>[number];

export type ConfigPlan = { [S in ListSection]: EntityPlan<Entry<S>> } & {
  difficultyMap: { before: ConfigDocument["difficultyMinTier"]; after: ConfigDocument["difficultyMinTier"] } | null;
  dataRuleSettings: { before: SettingsDoc; after: SettingsDoc } | null;
  changes: DescribedChange[];
  /** Rows created + updated + removed (+1 when the difficulty map changes, +1 per changed data rule setting). */
  total: number;
};

interface SectionInfo {
  title: string;
  noun: string;
  keyOf: (item: Record<string, unknown>) => string;
}

const SECTIONS: Record<ListSection, SectionInfo> = {
  tiers: { title: "Tiers", noun: "tier", keyOf: (item) => String(item.key) },
  providers: { title: "Providers", noun: "provider", keyOf: (item) => String(item.key) },
  hardwareProfiles: { title: "Hardware profiles", noun: "hardware profile", keyOf: (item) => String(item.name) },
  licences: { title: "Licences", noun: "licence", keyOf: (item) => String(item.key) },
  models: { title: "Models", noun: "model", keyOf: (item) => String(item.alias) },
  dataClasses: { title: "Data classes", noun: "data class", keyOf: (item) => String(item.key) },
  classificationRules: { title: "Data rules", noun: "data rule", keyOf: (item) => String(item.key) },
  routingRules: { title: "Routing rules", noun: "rule", keyOf: (item) => String(item.key) },
  features: { title: "Features", noun: "feature", keyOf: (item) => String(item.key) },
  modelNameMappings: { title: "Model names", noun: "model-name mapping", keyOf: (item) => String(item.pattern) },
};

// Field names read as words; anything not listed is split from camelCase.
const LABELS: Record<string, string> = {
  inputPricePerMTok: "input price",
  outputPricePerMTok: "output price",
  purchasePriceUsd: "purchase price",
  usdPerKwh: "$/kWh",
  monthlyBudgetUsd: "monthly budget",
  apiKeyEnv: "key variable",
  baseUrl: "base URL",
  enabled: "state",
  "when.minEstimatedTokens": "min tokens",
  "when.maxEstimatedTokens": "max tokens",
  "then.minTier": "minimum tier",
  "then.maxTier": "maximum tier",
  "then.pinModel": "pinned model",
  "simulator.latencyMs": "simulated latency (ms)",
  "simulator.failureRate": "simulated failure rate",
  cachedInputPricePerMTok: "cached input price",
  cacheWritePricePerMTok: "cache write price",
  "longContext.thresholdTokens": "long-context threshold",
  "longContext.inputPricePerMTok": "long-context input price",
  "longContext.outputPricePerMTok": "long-context output price",
  catalogueRef: "catalogue entry",
};

const words = (path: string) => LABELS[path] ?? path.replace(/^(when|then)\./, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

function flatten(value: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner)) Object.assign(flat, flatten(inner as Record<string, unknown>, path));
    else flat[path] = inner;
  }
  return flat;
}

function fieldFor(path: string): ChangeField<Record<string, unknown>> {
  if (path.startsWith("capability.")) return capabilityField(path.slice("capability.".length) as (typeof CAPABILITIES)[number], (item) => (item[path] === true ? [path.slice("capability.".length)] : []));
  const read = (item: Record<string, unknown>) => item[path] ?? null;
  if (path === "enabled") return { label: words(path), read, format: onOff, sentence: enabledSentence };
  if (/Price|Usd|usdPer/.test(path)) return { label: words(path), read, format: usd };
  return { label: words(path), read, format: (value) => (Array.isArray(value) ? list(value) : typeof value === "boolean" ? yesNo(value) : plain(value)) };
}

/** A model's capability list as one switch per capability, so a change reads "tools on", not a list. */
function expandCapabilities(item: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(item.capabilities)) return item;
  const { capabilities, ...rest } = item;
  const has = capabilities as unknown[];
  return { ...rest, ...Object.fromEntries(CAPABILITIES.map((capability) => [`capability.${capability}`, has.includes(capability)])) };
}

function planList<S extends ListSection>(section: S, before: Array<Entry<S>>, after: Array<Entry<S>>): { plan: EntityPlan<Entry<S>>; changes: DescribedChange[] } {
  const info = SECTIONS[section];
  const keyOf = (item: Entry<S>) => info.keyOf(item as unknown as Record<string, unknown>);
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  const afterKeys = new Set(after.map(keyOf));
  const plan: EntityPlan<Entry<S>> = { created: [], updated: [], removed: before.filter((item) => !afterKeys.has(keyOf(item))) };
  for (const item of after) {
    const old = beforeByKey.get(keyOf(item));
    if (old === undefined) plan.created.push(item);
    else if (JSON.stringify(old) !== JSON.stringify(item)) plan.updated.push({ before: old, after: item });
  }
  const flatBefore = before.map((item) => flatten(expandCapabilities(item as unknown as Record<string, unknown>)));
  const flatAfter = after.map((item) => flatten(expandCapabilities(item as unknown as Record<string, unknown>)));
  const paths = [...new Set([...flatBefore, ...flatAfter].flatMap((item) => Object.keys(item)))];
  const spec: ChangeSection<Record<string, unknown>> = {
    title: info.title,
    noun: info.noun,
    keyOf: (item) => info.keyOf(item),
    subject: section === "models" ? undefined : (key) => `${info.noun} ${key}`,
    fields: paths
      .filter((path) => path !== "key" && path !== "alias" && !(section === "hardwareProfiles" && path === "name") && !(section === "modelNameMappings" && path === "pattern"))
      .map(fieldFor),
  };
  return { plan, changes: describeSection(spec, flatBefore, flatAfter) };
}

/** Compares the working configuration (as a document) with the document to apply. */
export function planConfigChanges(current: ConfigDocument, next: ConfigDocument): ConfigPlan {
  const changes: DescribedChange[] = [];
  const take = <S extends ListSection>(section: S) => {
    // A document without a section that may be absent (model-name mappings) keeps the current rows.
    const nextList = (next[section] ?? current[section] ?? []) as Array<Entry<S>>;
    const result = planList(section, (current[section] ?? []) as Array<Entry<S>>, nextList);
    changes.push(...result.changes);
    return result.plan;
  };
  const tiers = take("tiers");
  const providers = take("providers");
  const hardwareProfiles = take("hardwareProfiles");
  const licences = take("licences");
  const models = take("models");
  const dataClasses = take("dataClasses");
  const classificationRules = take("classificationRules");
  const routingRules = take("routingRules");
  const features = take("features");
  const modelNameMappings = take("modelNameMappings");

  const mapChanged = JSON.stringify(current.difficultyMinTier) !== JSON.stringify(next.difficultyMinTier);
  if (mapChanged) {
    for (const [difficulty, tier] of Object.entries(next.difficultyMinTier)) {
      const old = current.difficultyMinTier[difficulty as keyof ConfigDocument["difficultyMinTier"]];
      if (old !== tier) changes.push({ section: "Difficulty → minimum tier", key: difficulty, kind: "changed", field: "minimum tier", before: old, after: tier, text: `difficulty ${difficulty}: minimum tier ${old} → ${tier}` });
    }
  }
  const settingsBefore = settingsOf(current);
  const settingsAfter = settingsOf(next);
  let settingsChanged = 0;
  for (const setting of SETTING_WORDS) {
    const before = setting.text(settingsBefore);
    const after = setting.text(settingsAfter);
    if (before === after) continue;
    settingsChanged += 1;
    changes.push({ section: "Data rule settings", key: setting.key, kind: "changed", field: setting.field, before, after, text: `${setting.field}: ${before} → ${after}` });
  }
  const plans = [tiers, providers, hardwareProfiles, licences, models, dataClasses, classificationRules, routingRules, features, modelNameMappings];
  const total = plans.reduce((sum, plan) => sum + plan.created.length + plan.updated.length + plan.removed.length, 0) + (mapChanged ? 1 : 0) + settingsChanged;
  return {
    tiers, providers, hardwareProfiles, licences, models, dataClasses, classificationRules, routingRules, features, modelNameMappings,
    difficultyMap: mapChanged ? { before: current.difficultyMinTier, after: next.difficultyMinTier } : null,
    dataRuleSettings: settingsChanged > 0 ? { before: settingsBefore, after: settingsAfter } : null,
    changes,
    total,
  };
}
