// A decision record as JSON, made once: the journal appends it as its line and the batch writer
// sends the same text to PostgreSQL, instead of serialising each record twice (a record with its
// trace and candidates is ~3.5 KB).
import type { DecisionRecordInput } from "./record";

const made = new WeakMap<DecisionRecordInput, string>();

/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses an unpaired surrogate escape:
 * a prompt or upstream message carrying either must not block the batch. JSON.stringify writes a
 * NUL as `\u0000` and an unpaired surrogate (it never escapes a paired one) as `\udXXX`; NULs are
 * dropped and unpaired surrogates become U+FFFD. Escaped backslashes are matched as pairs so
 * that a literal `\\u0000` in the text is left alone.
 */
const UNSTORABLE_ESCAPE = /\\(?:\\|u0000|u[dD][89a-fA-F][0-9a-fA-F]{2})/g;

export function storableJson(json: string): string {
  if (!json.includes("\\u")) return json;
  return json.replace(UNSTORABLE_ESCAPE, (escape) => (escape === "\\\\" ? escape : escape === "\\u0000" ? "" : "\\ufffd"));
}

/** The record's JSON (dates as ISO strings), storable in PostgreSQL; the same string every call. */
export function recordJson(record: DecisionRecordInput): string {
  let json = made.get(record);
  if (json === undefined) {
    json = storableJson(JSON.stringify(record));
    made.set(record, json);
  }
  return json;
}
