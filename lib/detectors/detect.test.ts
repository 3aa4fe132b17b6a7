import { describe, expect, it } from "vitest";
import type { ClassificationRulePolicy } from "@/lib/routing/types";
import { BUILT_IN_DETECTORS, DEFAULT_DETECTOR_RULES } from "./built-in";
import { compileRules } from "./rules/compile-rules";
import { detect } from "./detect";

const SENSITIVE = {
  email: "john.doe@example.com",
  phone: "+44 20 7946 0958", // Ofcom drama number
  card: "4242 4242 4242 4242", // Stripe test card
  ssn: "078-05-1120", // Woolworth's wallet SSN
  iban: "GB82 WEST 1234 5698 7654 32", // Wikipedia IBAN example
  key: "AKIAIOSFODNN7EXAMPLE", // AWS docs example key id
};

const PROMPT = [
  `Customer ${SENSITIVE.email} (tel ${SENSITIVE.phone}) paid with ${SENSITIVE.card}.`,
  `SSN ${SENSITIVE.ssn}, refund to ${SENSITIVE.iban}. Deploy key ${SENSITIVE.key}.`,
  "Ship Project Falcon by 2024-03-15; see PRJ-1042 and server 10.0.0.12.",
].join("\n");

const ADMIN_RULES: ClassificationRulePolicy[] = [
  {
    key: "codename",
    name: "Codename",
    kind: "keywords",
    detector: null,
    pattern: null,
    keywords: ["Project Falcon"],
    dataClass: "confidential",
    enabled: true,
  },
  {
    key: "ticket",
    name: "Ticket",
    kind: "regex",
    detector: null,
    pattern: "\\bPRJ-\\d+\\b",
    keywords: [],
    dataClass: "internal",
    enabled: true,
  },
];

const at = (text: string, value: string): [number, number] => [text.indexOf(value), text.indexOf(value) + value.length];

describe("detect", () => {
  const findings = detect(PROMPT, compileRules([...DEFAULT_DETECTOR_RULES, ...ADMIN_RULES]));

  it("returns one finding per type with count, positions and data class", () => {
    expect(findings).toEqual([
      { type: "email", count: 1, positions: [at(PROMPT, SENSITIVE.email)], dataClass: "confidential" },
      { type: "phone", count: 1, positions: [at(PROMPT, SENSITIVE.phone)], dataClass: "confidential" },
      { type: "payment_card", count: 1, positions: [at(PROMPT, SENSITIVE.card)], dataClass: "restricted" },
      { type: "us_ssn", count: 1, positions: [at(PROMPT, SENSITIVE.ssn)], dataClass: "restricted" },
      { type: "iban", count: 1, positions: [at(PROMPT, SENSITIVE.iban)], dataClass: "restricted" },
      { type: "secret", count: 1, positions: [at(PROMPT, SENSITIVE.key)], dataClass: "restricted" },
      { type: "rule:codename", count: 1, positions: [at(PROMPT, "Project Falcon")], dataClass: "confidential" },
      { type: "rule:ticket", count: 1, positions: [at(PROMPT, "PRJ-1042")], dataClass: "internal" },
    ]);
  });

  it("never carries the matched text", () => {
    const serialised = JSON.stringify(findings);
    for (const value of [...Object.values(SENSITIVE), "Project Falcon", "PRJ-1042"]) {
      expect(serialised).not.toContain(value);
      expect(serialised).not.toContain(value.replace(/\s/g, ""));
    }
  });

  it("runs only the built-ins an enabled rule names", () => {
    const onlyCards = compileRules([
      { ...DEFAULT_DETECTOR_RULES.find((rule) => rule.detector === "payment_card")!, dataClass: "confidential" },
      { ...DEFAULT_DETECTOR_RULES.find((rule) => rule.detector === "email")!, enabled: false },
    ]);
    expect(detect(PROMPT, onlyCards)).toEqual([
      { type: "payment_card", count: 1, positions: [at(PROMPT, SENSITIVE.card)], dataClass: "confidential" },
    ]);
  });

  it("finds nothing when no rule is enabled", () => {
    expect(detect(PROMPT, compileRules([]))).toEqual([]);
  });

  it("counts repeated matches", () => {
    const text = `${SENSITIVE.email} wrote to ${SENSITIVE.email} and jane@example.org`;
    const [email] = detect(text, compileRules(DEFAULT_DETECTOR_RULES));
    expect(email?.count).toBe(3);
    expect(email?.positions).toHaveLength(3);
  });
});

describe("built-in defaults", () => {
  it("labels every built-in and enables each in the seed at the documented class", () => {
    expect(BUILT_IN_DETECTORS.every((detector) => detector.label.length > 0)).toBe(true);
    expect(Object.fromEntries(DEFAULT_DETECTOR_RULES.map((rule) => [rule.detector, rule.dataClass]))).toEqual({
      email: "confidential",
      phone: "confidential",
      payment_card: "restricted",
      us_ssn: "restricted",
      iban: "restricted",
      secret: "restricted",
    });
    expect(DEFAULT_DETECTOR_RULES.every((rule) => rule.kind === "detector" && rule.enabled)).toBe(true);
  });
});

describe("detect on obfuscated text", () => {
  const compiled = compileRules([...DEFAULT_DETECTOR_RULES, ...ADMIN_RULES]);

  it("reports positions in the original text, whatever normalisation removed or mapped", () => {
    const card = "４\u200b２４２\u00a04242\u20134242 4242";
    const text = `Paid with ${card} today`;
    const finding = detect(text, compiled).find((candidate) => candidate.type === "payment_card");
    expect(finding?.positions).toEqual([at(text, card)]);
  });

  it("finds a number split over two parts of a request (joined with a newline)", () => {
    const text = ["my card is 4111 1111", "1111 1111"].join("\n");
    expect(detect(text, compiled).find((candidate) => candidate.type === "payment_card")?.positions).toEqual([[11, text.length]]);
  });

  it("matches keyword rules through zero-width characters and full-width forms", () => {
    const text = "Ship Project Fal\u200bcon and ＰＲＯＪＥＣＴ ＦＡＬＣＯＮ";
    expect(detect(text, compiled).find((candidate) => candidate.type === "rule:codename")?.count).toBe(2);
  });
});

