// Secrets and API keys. Two passes: one case-sensitive pass for token formats that carry a
// documented prefix (the prefix is the evidence), one case-insensitive pass for values that
// are secret because of what names them (`password=`, `Authorization: Bearer`, ...).
// For the second kind the finding covers the value, not the name: the name is not secret.
import { mergeSpans, type Span } from "./span";

const PREFIXED_TOKENS = new RegExp(
  [
    // PEM private keys; the body is handled by findPemEnd so the regex never scans it.
    String.raw`(?<pem>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)`,
    // AWS access key IDs: long-term (AKIA) and temporary STS (ASIA) credentials, plus ABIA/ACCA.
    String.raw`(?<aws>\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b)`,
    // GitHub: ghp_ (classic PAT), gho_ (OAuth), ghu_/ghs_ (App), ghr_ (refresh); fine-grained PATs.
    String.raw`(?<github>\bgh[pousr]_[A-Za-z0-9]{36,251}\b|\bgithub_pat_[A-Za-z0-9_]{22,251}\b)`,
    // Slack tokens (bot, user, app, refresh, ...) and incoming-webhook URLs.
    String.raw`(?<slack>\bxox[abeoprs]-[A-Za-z0-9-]{10,250}|https://hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,})`,
    // Stripe secret and restricted keys (test keys too: they read test-mode account data).
    String.raw`(?<stripe>\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,247}\b)`,
    // Anthropic before OpenAI: both start "sk-".
    String.raw`(?<anthropic>\bsk-ant-[A-Za-z0-9_-]{32,})`,
    String.raw`(?<openai>\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,})`,
    String.raw`(?<google>\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-]))`,
    // JWTs: base64url JSON header and payload (both start "eyJ", i.e. '{"'), then a signature.
    String.raw`(?<jwt>(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)`,
  ].join("|"),
  "g",
);

const SECRET_NAME = String.raw`password|passwd|passphrase|pwd|secret|client[_-]?secret|secret[_-]?key|private[_-]?key|api[_-]?key|apikey|(?:access|auth|refresh|session|api)[_-]?token|token`;
const NAMED_VALUES = new RegExp(
  [
    String.raw`aws[_ ]?secret[_ ]?access[_ ]?key["']?\s*[:=]\s*["']?(?<awsSecret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    String.raw`authorization["']?\s*[:=]\s*["']?(?:bearer|token|basic)\s+(?<authorization>[A-Za-z0-9._~+/-]{8,}=*)`,
    String.raw`\bbearer\s+(?<bearer>[A-Za-z0-9._~+/-]{20,}=*)`,
    String.raw`(?<![A-Za-z0-9])(?:${SECRET_NAME})["']?\s*(?::=|=>|[:=])\s*(?<quote>["'\x60])?(?<assigned>[^\s"'\x60,;&<>]{8,200})`,
  ].join("|"),
  "gid",
);

// Values that name or stand in for a secret rather than being one.
const PLACEHOLDER = new RegExp(
  `^(?:${[
    String.raw`[*x.#_-]+`, // masks: ********, xxxxxxxx
    String.raw`<.*|\$.*|%.*%|\{\{.*|\[.*|\(.*`, // <your-key>, ${VAR}, $VAR, %VAR%, {{ var }}
    String.raw`(?:process\.env|os\.environ|env|getenv|config|settings)\b.*`, // lookups
    String.raw`.*\(.*`, // function calls: getPassword(user)
    "null|none|nil|undefined|true|false|string|required|optional|redacted|hidden|masked",
    "changeme|change_me|password\\d*|secret|todo|fixme",
    "example.*|your[_-].*|my[_-].*|placeholder.*|dummy.*|sample.*|test.*",
  ].join("|")})$`,
  "i",
);
const DOTTED_IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
const ENV_VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}

/**
 * An assigned value reads as a real secret: not a placeholder or reference, and not a plain
 * word. Unquoted letters-only values are identifiers in code ("privateKey: CryptoKey",
 * "token = nextToken"), so only a quoted one can be a letters-only password.
 */
function isNonTrivialValue(value: string, quoted: boolean): boolean {
  const trimmed = value.replace(/[.,:)\]}]+$/, "");
  if (trimmed.length < 8 || /^(.)\1*$/.test(trimmed)) return false;
  if (!quoted && /^[A-Za-z_$]+$/.test(trimmed)) return false;
  if (PLACEHOLDER.test(trimmed) || DOTTED_IDENTIFIER.test(trimmed) || ENV_VARIABLE_NAME.test(trimmed)) return false;
  return characterClasses(trimmed) >= 2 || trimmed.length >= 16;
}

/** A free-standing token must mix letters and digits; "Bearer authentication-scheme-details" is prose. */
function looksRandom(value: string): boolean {
  return /\d/.test(value) && /[A-Za-z]/.test(value);
}

function isOpenAiKey(token: string): boolean {
  const body = token.replace(/^sk-(?:proj-|svcacct-|admin-)?/, "");
  return /\d/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body);
}

/**
 * Where a PEM block that starts at `from` ends. `state` remembers the last END marker found,
 * so a text of many BEGIN lines and no END is still scanned once, not once per BEGIN.
 */
function findPemEnd(text: string, from: number, state: { endMarker: number }): number {
  if (state.endMarker !== -1 && state.endMarker < from) {
    state.endMarker = text.indexOf("-----END ", from);
  }
  if (state.endMarker === -1) return -1;
  const close = text.indexOf("-----", state.endMarker + "-----END ".length);
  return close === -1 ? -1 : close + "-----".length;
}

function findPrefixedTokens(text: string, spans: Span[]): void {
  const pem = { endMarker: text.indexOf("-----END ") };
  PREFIXED_TOKENS.lastIndex = 0;
  for (let match = PREFIXED_TOKENS.exec(text); match !== null; match = PREFIXED_TOKENS.exec(text)) {
    const start = match.index;
    let end = start + match[0].length;
    const groups = match.groups ?? {};
    if (groups.pem !== undefined) {
      // A header with no END (a truncated paste) is still a private key: report the header.
      const blockEnd = findPemEnd(text, end, pem);
      if (blockEnd !== -1) end = blockEnd;
      PREFIXED_TOKENS.lastIndex = end;
    } else if (groups.openai !== undefined && !isOpenAiKey(groups.openai)) {
      continue;
    }
    spans.push([start, end]);
  }
}

function findNamedValues(text: string, spans: Span[]): void {
  NAMED_VALUES.lastIndex = 0;
  for (let match = NAMED_VALUES.exec(text); match !== null; match = NAMED_VALUES.exec(text)) {
    const groups = match.groups ?? {};
    const named = match.indices?.groups ?? {};
    let position: [number, number] | undefined;
    if (groups.awsSecret !== undefined || groups.authorization !== undefined) {
      position = named.awsSecret ?? named.authorization;
    } else if (groups.bearer !== undefined) {
      if (looksRandom(groups.bearer)) position = named.bearer;
    } else if (groups.assigned !== undefined && isNonTrivialValue(groups.assigned, groups.quote !== undefined)) {
      position = named.assigned;
    }
    if (position !== undefined) spans.push([position[0], position[1]]);
  }
}

export function findSecrets(text: string): Span[] {
  const spans: Span[] = [];
  findPrefixedTokens(text, spans);
  findNamedValues(text, spans);
  return mergeSpans(spans);
}
