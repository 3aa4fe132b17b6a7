// The one field library of the console's forms: zod building blocks shared by each form (in the
// browser) and its server action (configAction). A form keeps what the person typed — strings,
// booleans, string lists — and these schemas accept those as well as real values, so client and
// server parse exactly the same way and show the very same messages.
import { z } from "zod";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

// ── Versions: optimistic concurrency ────────────────────────────────────────────────────────
// A stored row's version starts at 1 (the column's default) and each save bumps it; the save
// is refused when the row no longer has the version the form was opened on. A form that both
// creates and edits sends 0 for a row that does not exist yet.

/** The version of an existing row the form was opened on (1 or more). */
export const versionField = z.number().int().min(1);

/** As versionField, or 0 when the form creates the row (one schema for add and edit). */
export const versionOrNewField = z.number().int().min(0);

/** When the page was loaded, for rows without a version column (see assert-no-change-since.ts). */
export const seenAtField = z.iso.datetime({ message: "Reload the page and try again." });

// ── Keys and text ───────────────────────────────────────────────────────────────────────────

/** A stable identifier people type once: it ends up in decision records and change logs. */
export const keyField = z
  .string()
  .trim()
  .min(2, "At least 2 characters.")
  .max(64, "At most 64 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. support-summaries.");

/** Keys people type for new rows that may also hold "." and "_", e.g. "gemma-2-9b", "llama3.1". */
export const SLUG = /^[a-z0-9][a-z0-9._-]*$/;

export function slugField(label: string, maxLength = 64) {
  return textField(label, maxLength).regex(SLUG, `${capitalise(label)} may use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit.`);
}

/** A reference to another row (tier, provider…) that must be chosen. */
export function choiceField(label: string) {
  return z.string({ error: `Choose ${label}.` }).trim().min(1, `Choose ${label}.`);
}

/** A reference to another row by key (tier, provider, licence, model…) that may be "none": blank becomes null. */
export function optionalKeyField() {
  return z.preprocess(toTextOrNull, z.string().max(200).nullable());
}

export const nameField = z.string().trim().min(2, "At least 2 characters.").max(120, "At most 120 characters.");

export const notesField = z.string().trim().max(4000, "At most 4,000 characters.");

/** Free text the person must give, trimmed. */
export function textField(label: string, maxLength: number) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(maxLength, `${capitalise(label)} must be at most ${maxLength} characters.`);
}

/** Optional free text: blank becomes "". */
export function optionalTextField(label: string, maxLength: number) {
  return z.preprocess((value) => toTextOrNull(value) ?? "", z.string().max(maxLength, `${capitalise(label)} must be at most ${maxLength} characters.`));
}

function toTextOrNull(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** A key suggested from a name while the key field is untouched: "Project Nightjar!" → "project-nightjar". */
export function suggestKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

// ── Numbers ─────────────────────────────────────────────────────────────────────────────────

interface NumberRules {
  min: number;
  max: number;
  integer?: boolean;
}

/** "" and whitespace mean "not given"; numeric strings become numbers; other values pass through. */
function toNumberOrEmpty(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim().replace(/,/g, "");
  return trimmed === "" ? undefined : Number(trimmed);
}

function numberSchema(label: string, rules: NumberRules) {
  let schema = z.number({ error: (issue) => (issue.input === undefined ? `Enter ${label}.` : `${capitalise(label)} must be a number.`) });
  if (rules.integer) schema = schema.int(`${capitalise(label)} must be a whole number.`);
  return schema.min(rules.min, `${capitalise(label)} must be at least ${rules.min}.`).max(rules.max, `${capitalise(label)} must be at most ${rules.max}.`);
}

/** A number the person must give, e.g. `numberField("the context window", { min: 256, max: 1e7, integer: true })`. */
export function numberField(label: string, rules: NumberRules) {
  return z.preprocess(toNumberOrEmpty, numberSchema(label, rules));
}

/** A number that may be left blank; blank becomes null (e.g. an unknown price stays unknown, never 0). */
export function optionalNumberField(label: string, rules: NumberRules) {
  return z.preprocess((value) => toNumberOrEmpty(value) ?? null, numberSchema(label, rules).nullable());
}

/** An optional whole number typed into a text box: "" means none. */
export function optionalWholeNumber(min: number, max: number, label: string) {
  return z.preprocess(
    (value) => (blank(value) ? null : typeof value === "string" ? Number(value.trim().replace(/[,_\s]/g, "")) : value),
    z
      .number({ message: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min.toLocaleString("en-US")}.`)
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")}.`)
      .nullable(),
  );
}

/** An optional amount in US dollars with at most two decimals: "" means none. */
export function optionalUsd(label: string) {
  return z.preprocess(
    (value) => (blank(value) ? null : typeof value === "string" ? Number(value.trim().replace(/^\$/, "").replace(/[,_\s]/g, "")) : value),
    z
      .number({ message: `${label} must be an amount in US dollars, e.g. 250 or 99.50.` })
      .min(0, `${label} cannot be negative.`)
      .max(1_000_000_000, `${label} must be at most $1,000,000,000.`)
      .refine((amount) => Math.abs(Math.round(amount * 100) - amount * 100) < 1e-6, `${label} can have at most two decimals (cents).`)
      .nullable(),
  );
}

// ── Lists and addresses ─────────────────────────────────────────────────────────────────────

/** A comma- or newline-separated list of free text typed in one box, or an array. */
export function listField(label: string, { maxItems, maxLength }: { maxItems: number; maxLength: number }) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.split(/[,\n]/) : value),
    z
      .array(z.string())
      .transform((items) => [...new Set(items.map((item) => item.trim()).filter((item) => item.length > 0))])
      .pipe(
        z
          .array(z.string().max(maxLength, `Each of the ${label} must be at most ${maxLength} characters.`))
          .max(maxItems, `List at most ${maxItems} ${label}.`),
      ),
  );
}

/** A list of codes typed as "US, EU" (commas, spaces or new lines) or sent as an array. */
function listOf(item: z.ZodType<string>, normalise: (entry: string) => string, max: number, label: string) {
  return z.preprocess(
    (value) => {
      const entries = typeof value === "string" ? value.split(/[\s,;]+/) : Array.isArray(value) ? value : value;
      return Array.isArray(entries) ? [...new Set(entries.map((entry) => (typeof entry === "string" ? normalise(entry.trim()) : entry)).filter((entry) => entry !== ""))] : entries;
    },
    z.array(item).max(max, `At most ${max} ${label}.`),
  );
}

/** Jurisdiction codes as the licence check compares them: "US", "EU", "CN", "US-CA". */
export const jurisdictionList = listOf(
  z.string().regex(/^[A-Z]{2,3}(?:-[A-Z0-9]{1,3})?$/, "Use jurisdiction codes such as US, EU, CN or US-CA, separated by commas."),
  (entry) => entry.toUpperCase(),
  30,
  "jurisdictions",
);

/** Provider regions, as providers declare them: "on-prem", "us", "eu-west". */
export const regionList = listOf(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use region names such as on-prem, us or eu-west, separated by commas."),
  (entry) => entry.toLowerCase(),
  30,
  "regions",
);

/** An optional http(s) address: "" means none. */
export const optionalUrl = z.preprocess(
  (value) => (blank(value) ? null : typeof value === "string" ? value.trim() : value),
  z
    .string()
    .max(2000, "At most 2,000 characters.")
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), "Enter a full http(s) address, e.g. https://example.com/licence.")
    .nullable(),
);
