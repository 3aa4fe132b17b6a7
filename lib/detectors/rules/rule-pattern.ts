// Admin regex rules run on RE2 (re2js): it never backtracks, so matching takes time linear in
// the prompt whatever the pattern ("(a|a)+!", "(?:Ā|ā)+!", "\d+0\d+0\d+x" included). A pattern
// is valid when re2js compiles it; what RE2 cannot do (lookahead, backreferences, atomic groups)
// is refused with a reason written for the admin who typed it.
import { RE2JS } from "re2js";

export const MAX_RULE_PATTERN_LENGTH = 500;

export type RegexSafety = { ok: true } | { ok: false; reason: string };

/**
 * Case-insensitive, as rules always were. Lookbehinds are linear in re2js and allowed, but the
 * flag keeps re2js off its fast DFA, so it is set only for a pattern that has one.
 */
const flagsFor = (pattern: string) => RE2JS.CASE_INSENSITIVE | (/\(\?<[=!]/.test(pattern) ? RE2JS.LOOKBEHINDS : 0);

// Empty text and a little of each kind of character: "\b", "x*" and "(?<=a)" all match empty here.
const EMPTY_MATCH_PROBES = ["", " aZ9_.-\n"];

const UNSUPPORTED: Array<[test: RegExp, reason: string]> = [
  [
    /`\(\?[=!]/,
    "Lookahead — (?=…) and (?!…) — is not supported: rules run on RE2, an engine that matches in linear time so no pattern can stall the gateway, and RE2 cannot look ahead. Match the following text itself instead (for example \"order-\\d+\" rather than \"order-(?=\\d)\").",
  ],
  [
    /invalid escape sequence: `\\(?:[1-9]|k)/,
    "Backreferences (\\1, \\k<name>) are not supported: rules run on RE2, a linear-time engine, which cannot refer back to an earlier group. Spell the repeated part out, or split the rule in two.",
  ],
  [
    /`\(\?>|invalid nested repetition operator: `[*+?]{2}/,
    "Atomic groups and possessive repeats ((?>…), a++, a*+) are not supported and not needed: RE2 never backtracks. Remove the extra \"+\" or the \"?>\".",
  ],
  [/invalid repeat count/, "Repeat counts above 1000 (like \"a{2000}\") are not supported by RE2. Use a smaller count or \"+\"."],
];

/** JavaScript escapes RE2 spells differently: \uXXXX and \u{X} become \x{…}. */
export function toRe2Syntax(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char !== "\\") {
      out += char;
      continue;
    }
    const rest = pattern.slice(i + 1, i + 12);
    const braced = /^u\{([0-9a-fA-F]{1,6})\}/.exec(rest);
    const fixed = /^u([0-9a-fA-F]{4})/.exec(rest);
    if (braced !== null) {
      out += `\\x{${braced[1]}}`;
      i += braced[0].length;
    } else if (fixed !== null) {
      out += `\\x{${fixed[1]}}`;
      i += fixed[0].length;
    } else {
      out += char + (pattern[i + 1] ?? "");
      i++;
    }
  }
  return out;
}

function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  for (const [test, reason] of UNSUPPORTED) if (test.test(message)) return reason;
  const detail = message.replace(/^error parsing regexp: /, "");
  return `The pattern is not a valid regular expression (RE2 syntax): ${detail}.`;
}

function matchesEmptyText(pattern: RE2JS): boolean {
  return EMPTY_MATCH_PROBES.some((probe) => {
    const matcher = pattern.matcher(probe);
    let from = 0;
    while (from <= probe.length && matcher.find(from)) {
      if (matcher.end() === matcher.start()) return true;
      from = matcher.end();
    }
    return false;
  });
}

/** The compiled pattern, or why the gateway will not run it. */
export function compileRulePattern(pattern: string): { ok: true; pattern: RE2JS } | { ok: false; reason: string } {
  if (pattern.trim() === "") return { ok: false, reason: "The pattern is empty. Enter the text or regular expression the rule should find." };
  if (pattern.length > MAX_RULE_PATTERN_LENGTH) {
    return {
      ok: false,
      reason:
        `The pattern is ${pattern.length} characters long; the limit is ${MAX_RULE_PATTERN_LENGTH}. ` +
        `Split it into several rules or use a keyword rule for long lists of words.`,
    };
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(toRe2Syntax(pattern), flagsFor(pattern));
  } catch (error) {
    return { ok: false, reason: explain(error) };
  }
  if (matchesEmptyText(compiled)) {
    return {
      ok: false,
      reason: "The pattern can match empty text, and a rule can only report text it covers. Make at least one part required (for example \"\\d+\" instead of \"\\d*\").",
    };
  }
  return { ok: true, pattern: compiled };
}

/**
 * Whether an admin's regex rule may be saved and run: it compiles on RE2 the way the gateway
 * will run it (case-insensitive), is at most 500 characters and cannot match empty text.
 */
export function checkRegexSafety(pattern: string): RegexSafety {
  const result = compileRulePattern(pattern);
  return result.ok ? { ok: true } : { ok: false, reason: result.reason };
}
