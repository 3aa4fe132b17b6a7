// Linearity without timing: the hand-written scanners count their loop steps in the budget,
// and those steps must grow at most linearly from n to 16n on the inputs that made the old
// detectors quadratic. The backtracking regexes left are checked for open-ended repeats, and
// everything else runs on re2js, whose linear time is RE2's guarantee.
import { describe, expect, it } from "vitest";
import { openEndedRepeats } from "./bounded-quantifiers";
import { DetectionBudget } from "./budget";
import { findEmails } from "./contact/email";
import { findIbans } from "./numbers/iban";
import { NAMED_SECRET_PATTERNS } from "./secrets/named-secrets";
import { normaliseForDetection } from "./normalise/normalise";
import { findPaymentCards } from "./numbers/payment-card";
import { findPrivateKeyBlocks } from "./secrets/pem";
import { PHONE_PATTERNS } from "./contact/phone";
import { findSecrets } from "./secrets/secrets";
import { findUsSsns, SSN_PATTERNS } from "./numbers/us-ssn";

const BASE = 4_096;
const SCALES = [1, 2, 4, 8, 16];

// Each input is a unit repeated to length; units chosen to hit each scanner's worst case.
const HOSTILE: Record<string, string> = {
  spaces: " ",
  "ssn and spaces": "ssn      ",
  digits: "7",
  "one-digit groups": "4 ",
  "four-digit groups": "4111 ",
  "mixed separators": "1-./_\t\n ",
  "list separators": '4111, "1111";\n',
  "cards in any layout": "41111111 1111 1111 ",
  "numbered cards with expiry": "1. 41111111 1111 1111 12/29 123\n",
  "unicode spaces and digits": "\u00a0４\u2009٣\u200b\u2013",
  "combining marks": "\u0301",
  "at signs": "a@",
  "IBAN starts": "DE89",
  "PEM headers": "-----BEGIN RSA PRIVATE KEY-----",
  "secret keywords": "ghp_sk-eyJxoxb-AKIA://",
};

const SCANNERS: Record<string, (text: string, budget: DetectionBudget) => unknown> = {
  normalise: (text, budget) => normaliseForDetection(text, budget),
  email: findEmails,
  payment_card: findPaymentCards,
  us_ssn: findUsSsns,
  iban: findIbans,
  pem: findPrivateKeyBlocks,
  secret: findSecrets,
};

function stepsFor(scanner: (text: string, budget: DetectionBudget) => unknown, unit: string, length: number): number {
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const budget = new DetectionBudget(Number.POSITIVE_INFINITY);
  scanner(text, budget);
  return budget.steps;
}

describe("linear work", () => {
  const cases = Object.entries(SCANNERS).flatMap(([scanner, run]) => Object.entries(HOSTILE).map(([input, unit]) => [scanner, input, run, unit] as const));

  it.each(cases)("%s on %s grows at most linearly", (_scanner, _input, run, unit) => {
    const steps = SCALES.map((scale) => stepsFor(run, unit, BASE * scale));
    const perChar = steps.map((count, index) => count / (BASE * (SCALES[index] ?? 1)));
    // Linear: steps per character stay flat (within 10% and a constant) as the text grows 16-fold.
    for (const ratio of perChar) expect(ratio).toBeLessThanOrEqual((perChar[0] ?? 0) * 1.1 + 0.01);
    expect(perChar[0]).toBeLessThan(64);
  });
});

describe("backtracking regexes have no open-ended repeats", () => {
  it.each([...PHONE_PATTERNS, ...NAMED_SECRET_PATTERNS, ...SSN_PATTERNS].map((pattern) => [pattern.source.slice(0, 60), pattern] as const))("%s…", (_, pattern) => {
    expect(openEndedRepeats(pattern.source)).toEqual([]);
  });

  it("sees the repeats it is meant to refuse", () => {
    expect(openEndedRepeats(String.raw`a+b*[+*]\+c{2,}d{2,3}`)).toEqual(["+ at 1", "* at 3", "{2,} at 11"]);
  });
});
