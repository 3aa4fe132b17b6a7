// Zod building blocks shared by console forms and their server actions. A form keeps what the
// person typed (strings); these schemas accept those strings as well as real values, so the
// browser and the server run the very same schema and show the very same messages.
import { z } from "zod";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "" and whitespace mean "not given"; numeric strings become numbers; other values pass through. */
function toNumberOrEmpty(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim().replace(/,/g, "");
  return trimmed === "" ? undefined : Number(trimmed);
}

function toTextOrNull(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

interface NumberRules {
  min: number;
  max: number;
  integer?: boolean;
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

/** A reference to another row by key (tier, provider, licence, model…) that may be "none": blank becomes null. */
export function optionalKeyField() {
  return z.preprocess(toTextOrNull, z.string().max(200).nullable());
}

/** A reference that must be chosen. */
export function keyField(label: string) {
  return z.string({ error: `Choose ${label}.` }).trim().min(1, `Choose ${label}.`);
}

/** Keys people type for new rows: lower-case words joined by hyphens, e.g. "long-context-to-hosted". */
export const SLUG = /^[a-z0-9][a-z0-9._-]*$/;

export function slugField(label: string, maxLength = 64) {
  return textField(label, maxLength).regex(SLUG, `${capitalise(label)} may use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit.`);
}

/** The row version the form was opened with (optimistic concurrency); 0 when creating. */
export const versionField = z.number().int().min(0);

/** A comma- or newline-separated list typed in one box, or an array. */
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

/** Zod issues → { "pricing.profile.watts": "…" }, the first message per field (as configAction does). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    errors[key] ??= issue.message;
  }
  return errors;
}
