// Field schemas shared by the console's forms (client) and server actions (configAction).
// Forms send what the inputs hold — strings, booleans, string lists — and these schemas turn
// it into typed values, so client and server parse exactly the same way.
import { z } from "zod";

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** A stable identifier people type once: it ends up in decision records and change logs. */
export const keyField = z
  .string()
  .trim()
  .min(2, "At least 2 characters.")
  .max(64, "At most 64 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. support-summaries.");

export const nameField = z.string().trim().min(2, "At least 2 characters.").max(120, "At most 120 characters.");

export const notesField = z.string().trim().max(4000, "At most 4,000 characters.");

/** The row version the form was opened on (optimistic concurrency). */
export const versionField = z.number().int().min(1);

/** When the page was loaded, for rows without a version column (see assert-no-change-since.ts). */
export const seenAtField = z.iso.datetime({ message: "Reload the page and try again." });

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

/** A list typed as "US, EU" (commas, spaces or new lines) or sent as an array. */
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
