// Values that are secret because of what names them: `password: …`, `api_key = …`,
// `Authorization: Bearer …`, `aws_secret_access_key = …`. The finding covers the value, not
// the name. Linear by construction: every quantifier is bounded and the lookbehind has a fixed
// width (secrets.test.ts checks the sources), so one match attempt explores a bounded number
// of paths.
import type { DetectionBudget } from "../budget";
import { isTemplatePlaceholder } from "./secret-placeholder";
import type { Span } from "../span";

const SECRET_NAME = [
  String.raw`password|passwd|passphrase|passcode|pwd`,
  String.raw`secret|client[_-]?secret|secret[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key`,
  String.raw`api[_-]?key|apikey|access[_-]?key|auth[_-]?key|credentials?`,
  String.raw`(?:access|auth|refresh|session|api|bearer|id)[_-]?token|token`,
].join("|");

const NAMED_VALUES = new RegExp(
  [
    String.raw`aws[_ ]?secret[_ ]?access[_ ]?key["']?\s{0,4}[:=]\s{0,4}["']?(?<awsSecret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    String.raw`authorization["']?\s{0,4}[:=]\s{0,4}["']?(?:bearer|token|basic)\s{1,4}(?<authorization>[A-Za-z0-9._~+/-]{8,4096}={0,2})`,
    String.raw`\bbearer\s{1,4}(?<bearer>[A-Za-z0-9._~+/-]{20,4096}={0,2})`,
    String.raw`(?<![A-Za-z0-9])(?:${SECRET_NAME})["']?\s{0,4}(?::=|=>|[:=])\s{0,4}(?<quote>["'\x60])?(?<assigned>[^\s"'\x60,;&<>]{6,200})`,
  ].join("|"),
  "gid",
);

/** Every pattern run over the prompt, for the bounded-quantifier check. */
export const NAMED_SECRET_PATTERNS: readonly RegExp[] = [NAMED_VALUES];

/** Shannon entropy in bits per character: "AIzaaaaaaa…" has almost none. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / value.length) * Math.log2(count / value.length);
  return bits;
}

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}

// camelCase / PascalCase names: "nextToken", "CryptoKey", "secretValue".
const CODE_IDENTIFIER = /^[A-Za-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;

/**
 * An assigned value reads as a real secret: not a template placeholder or a reference, and not
 * an identifier in code ("privateKey: CryptoKey", "token = nextToken"). A plain lower-case word
 * is a value ("PASSWORD=changeme" is a password).
 */
function isSecretValue(value: string, quoted: boolean, followedByCode: boolean): boolean {
  const trimmed = value.replace(/[.,:)\]}]+$/, "");
  if (trimmed.length < 6 || /^(.)\1*$/.test(trimmed) || (trimmed.length >= 12 && entropy(trimmed) < 1.5)) return false;
  if (!quoted && (CODE_IDENTIFIER.test(trimmed) || (followedByCode && /^[A-Za-z_$]+$/.test(trimmed)))) return false;
  if (isTemplatePlaceholder(value) || isTemplatePlaceholder(trimmed)) return false;
  return characterClasses(trimmed) >= 2 || /^[a-z]+$/.test(trimmed) || trimmed.length >= 12 || quoted;
}

/** A free-standing token must mix letters and digits; "Bearer authentication-scheme-details" is prose. */
function looksRandom(value: string): boolean {
  return /\d/.test(value) && /[A-Za-z]/.test(value);
}

export function findNamedSecrets(text: string, budget?: DetectionBudget): Span[] {
  const spans: Span[] = [];
  NAMED_VALUES.lastIndex = 0;
  for (let match = NAMED_VALUES.exec(text); match !== null; match = NAMED_VALUES.exec(text)) {
    if (budget) budget.steps++;
    const groups = match.groups ?? {};
    const named = match.indices?.groups ?? {};
    let position: [number, number] | undefined;
    if (groups.awsSecret !== undefined || groups.authorization !== undefined) {
      position = named.awsSecret ?? named.authorization;
    } else if (groups.bearer !== undefined) {
      if (looksRandom(groups.bearer)) position = named.bearer;
    } else if (groups.assigned !== undefined && isSecretValue(groups.assigned, groups.quote !== undefined, /^[;)(]$/.test(text[match.index + match[0].length] ?? ""))) {
      position = named.assigned;
    }
    if (position !== undefined) spans.push([position[0], position[1]]);
  }
  return spans;
}
