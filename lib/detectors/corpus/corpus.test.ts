// The detection corpus as table-driven tests: every row runs through detect() with the seed's
// detector rules, so normalisation and position mapping are part of what is checked. Sources are
// named in each data file and on each row.
import { describe, expect, it } from "vitest";
import { DEFAULT_DETECTOR_RULES } from "../built-in";
import { compileRules } from "../rules/compile-rules";
import { detect } from "../detect";
import type { CorpusCase } from "./corpus-case";
import { IBAN_CORPUS } from "./iban";
import { NUMBER_TABLE_CORPUS } from "./number-tables";
import { PAYMENT_CARD_LAYOUT_CORPUS } from "./payment-card-layouts";
import { PAYMENT_CARD_CORPUS } from "./payment-cards";
import { SECRET_CORPUS } from "./secrets";
import { SSN_CORPUS } from "./ssn";

const compiled = compileRules(DEFAULT_DETECTOR_RULES);
const printable = (text: string) => JSON.stringify(text.length > 70 ? `${text.slice(0, 67)}...` : text);

function positionsOf(row: CorpusCase): Array<[number, number]> {
  return detect(row.text, compiled).find((finding) => finding.type === row.detector)?.positions ?? [];
}

describe.each([
  ["payment cards", PAYMENT_CARD_CORPUS],
  ["payment cards in any layout", PAYMENT_CARD_LAYOUT_CORPUS],
  ["tables and lists of numbers", NUMBER_TABLE_CORPUS],
  ["US SSNs", SSN_CORPUS],
  ["IBANs", IBAN_CORPUS],
  ["secrets", SECRET_CORPUS],
] as const)("corpus: %s", (_, corpus) => {
  const positives = corpus.filter((row) => row.value !== undefined).map((row) => [printable(row.text), row.source, row] as const);
  const negatives = corpus.filter((row) => row.value === undefined).map((row) => [printable(row.text), row.source, row] as const);

  it.each(positives)("finds %s (%s)", (_text, _source, row) => {
    const start = row.at ?? row.text.indexOf(row.value ?? "");
    const end = start + (row.value ?? "").length;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(positionsOf(row)).toContainEqual([start, end]);
  });

  it.each(negatives)("ignores %s (%s)", (_text, _source, row) => {
    expect(positionsOf(row)).toEqual([]);
  });
});
