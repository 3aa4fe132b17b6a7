// Reads a configuration document and checks everything that can be checked without a
// database: the shape (zod), duplicates, references between rows, the rules the engine
// relies on, and admin regexes (the same safety check the data-rules form uses). Pure, so
// the console, the CLI and the tests report the same problems in the same words.
import { checkRegexSafety, isBuiltInDetectorKey } from "@/lib/detectors";
import { DATA_CLASSES, DIFFICULTIES } from "@/lib/routing/types";
import { configDocumentSchema, type ConfigDocument } from "./config-document-schema";
import { modelLimitProblems } from "../model-limits";

export interface ConfigIssue {
  /** Where, as a reader finds it in the file: "models[3].tier". */
  path: string;
  message: string;
}

export type ConfigCheck = { ok: true; document: ConfigDocument } | { ok: false; issues: ConfigIssue[] };

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), "");
}

/** Parses JSON text (or an already-parsed value) and checks it. */
export function checkConfigDocument(input: string | unknown): ConfigCheck {
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, issues: [{ path: "", message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  }
  const parsed = configDocumentSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.slice(0, 50).map((issue) => ({ path: pathText(issue.path), message: issue.message })) };
  }
  const issues = checkReferences(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, document: normalise(parsed.data) };
}

/** A data class's tiers are a set: list them cheapest first, as exports do, so order never reads as a change. */
function normalise(doc: ConfigDocument): ConfigDocument {
  const rank = new Map(doc.tiers.map((tier) => [tier.key, tier.rank]));
  return { ...doc, dataClasses: doc.dataClasses.map((dataClass) => ({ ...dataClass, tiers: [...new Set(dataClass.tiers)].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)) })) };
}

function duplicates<T>(issues: ConfigIssue[], list: T[], section: string, field: string, read: (item: T) => string | number) {
  const seen = new Map<string | number, number>();
  list.forEach((item, index) => {
    const value = read(item);
    const first = seen.get(value);
    if (first !== undefined) issues.push({ path: `${section}[${index}].${field}`, message: `Duplicate ${field} "${value}" (also at ${section}[${first}]).` });
    else seen.set(value, index);
  });
}

function known(issues: ConfigIssue[], names: Set<string>, what: string, path: string, value: string | null) {
  if (value === null || names.has(value)) return;
  const list = [...names].join(", ") || "none";
  issues.push({ path, message: `Unknown ${what} "${value}". Known ${what}s: ${list}.` });
}

/** Everything zod cannot see: duplicates, references and the engine's own rules. */
export function checkReferences(doc: ConfigDocument): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  duplicates(issues, doc.tiers, "tiers", "key", (tier) => tier.key);
  duplicates(issues, doc.tiers, "tiers", "rank", (tier) => tier.rank);
  duplicates(issues, doc.providers, "providers", "key", (provider) => provider.key);
  duplicates(issues, doc.hardwareProfiles, "hardwareProfiles", "name", (profile) => profile.name);
  duplicates(issues, doc.licences, "licences", "key", (licence) => licence.key);
  duplicates(issues, doc.models, "models", "alias", (model) => model.alias);
  duplicates(issues, doc.dataClasses, "dataClasses", "key", (dataClass) => dataClass.key);
  duplicates(issues, doc.dataClasses, "dataClasses", "rank", (dataClass) => dataClass.rank);
  duplicates(issues, doc.classificationRules, "classificationRules", "key", (rule) => rule.key);
  duplicates(issues, doc.routingRules, "routingRules", "key", (rule) => rule.key);
  duplicates(issues, doc.features, "features", "key", (feature) => feature.key);
  duplicates(issues, doc.modelNameMappings ?? [], "modelNameMappings", "pattern", (mapping) => mapping.pattern);

  const tiers = new Set(doc.tiers.map((tier) => tier.key));
  const tierRank = new Map(doc.tiers.map((tier) => [tier.key, tier.rank]));
  const providers = new Set(doc.providers.map((provider) => provider.key));
  const profiles = new Set(doc.hardwareProfiles.map((profile) => profile.name));
  const licences = new Set(doc.licences.map((licence) => licence.key));
  const models = new Set(doc.models.map((model) => model.alias));
  const features = new Set(doc.features.map((feature) => feature.key));

  doc.providers.forEach((provider, index) => {
    if (provider.kind === "openai-compatible" && provider.baseUrl === null) issues.push({ path: `providers[${index}].baseUrl`, message: "An OpenAI-compatible provider needs its base URL." });
  });
  doc.models.forEach((model, index) => {
    known(issues, providers, "provider", `models[${index}].provider`, model.provider);
    known(issues, tiers, "tier", `models[${index}].tier`, model.tier);
    known(issues, licences, "licence", `models[${index}].licence`, model.licence);
    known(issues, profiles, "hardware profile", `models[${index}].hardwareProfile`, model.hardwareProfile);
    for (const problem of modelLimitProblems(model)) issues.push({ path: `models[${index}].${problem.field}`, message: problem.message });
  });
  const baselines = doc.models.filter((model) => model.baseline).map((model) => model.alias);
  if (baselines.length > 1) issues.push({ path: "models", message: `Only one model can be the baseline; ${baselines.join(", ")} all are.` });

  const classKeys = new Set(doc.dataClasses.map((dataClass) => dataClass.key));
  const missingClasses = DATA_CLASSES.filter((key) => !classKeys.has(key));
  if (missingClasses.length > 0) issues.push({ path: "dataClasses", message: `Every data class must be present; missing: ${missingClasses.join(", ")}.` });
  doc.dataClasses.forEach((dataClass, index) => dataClass.tiers.forEach((tier, at) => known(issues, tiers, "tier", `dataClasses[${index}].tiers[${at}]`, tier)));

  doc.classificationRules.forEach((rule, index) => {
    const path = `classificationRules[${index}]`;
    if (rule.kind === "detector" && !(rule.detector !== null && isBuiltInDetectorKey(rule.detector))) {
      issues.push({ path: `${path}.detector`, message: `A detector rule names a built-in detector (email, phone, payment_card, us_ssn, iban, secret); got ${JSON.stringify(rule.detector)}.` });
    }
    if (rule.kind === "regex") {
      const safety = rule.pattern === null ? { ok: false as const, reason: "A regex rule needs a pattern." } : checkRegexSafety(rule.pattern);
      if (!safety.ok) issues.push({ path: `${path}.pattern`, message: safety.reason });
    }
    if (rule.kind === "keywords" && rule.keywords.every((keyword) => keyword.trim() === "")) issues.push({ path: `${path}.keywords`, message: "A keyword rule needs at least one keyword." });
  });

  for (const difficulty of DIFFICULTIES) known(issues, tiers, "tier", `difficultyMinTier.${difficulty}`, doc.difficultyMinTier[difficulty]);

  doc.routingRules.forEach((rule, index) => {
    const path = `routingRules[${index}]`;
    known(issues, features, "feature", `${path}.when.feature`, rule.when.feature);
    known(issues, tiers, "tier", `${path}.then.minTier`, rule.then.minTier);
    known(issues, tiers, "tier", `${path}.then.maxTier`, rule.then.maxTier);
    known(issues, models, "model", `${path}.then.pinModel`, rule.then.pinModel);
    const { minEstimatedTokens: min, maxEstimatedTokens: max } = rule.when;
    if (min !== null && max !== null && min > max) issues.push({ path: `${path}.when.maxEstimatedTokens`, message: `The maximum (${max}) is below the minimum (${min}).` });
    const minRank = rule.then.minTier === null ? undefined : tierRank.get(rule.then.minTier);
    const maxRank = rule.then.maxTier === null ? undefined : tierRank.get(rule.then.maxTier);
    if (minRank !== undefined && maxRank !== undefined && minRank > maxRank) {
      issues.push({ path: `${path}.then.maxTier`, message: `The maximum tier ${rule.then.maxTier} is cheaper than the minimum tier ${rule.then.minTier}.` });
    }
    if (rule.then.minTier === null && rule.then.maxTier === null && rule.then.pinModel === null) {
      issues.push({ path: `${path}.then`, message: "The rule does nothing: give a minimum tier, a maximum tier or a model to pin." });
    }
  });
  (doc.modelNameMappings ?? []).forEach((mapping, index) => {
    const path = `modelNameMappings[${index}].target`;
    if (mapping.target === "auto") return;
    if (mapping.target.startsWith("tier:")) known(issues, tiers, "tier", path, mapping.target.slice("tier:".length));
    else known(issues, models, "model", path, mapping.target);
  });
  return issues;
}
