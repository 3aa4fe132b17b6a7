// What the difficulty estimator reads from a request: a few hand-built features (task type,
// structure, length, conversation depth, the question's shape — question-shape.ts) and hashed
// word n-grams. Pure and bounded: only a window of the last user message is tokenised (its head
// and tail), so a 4k-token prompt costs the same as a 1k one; lengths are taken from the whole text.
import { SHAPE_FEATURES, questionShape } from "./question-shape";

/** What the estimator is given: the last user turn (the question) and the conversation around it. */
export interface DifficultyInput {
  /** The last user message's text; the whole prompt text when the request has no messages. */
  question: string;
  /** Characters in everything the model reads (system, history, tools). */
  totalChars: number;
  /** User turns in the conversation (1 for a single question). */
  userTurns: number;
}

/** The task types the reason names; several can hold at once. */
export type TaskCue =
  | "arithmetic"
  | "word_problem"
  | "multi_step"
  | "code"
  | "formal_reasoning"
  | "mathematics"
  | "technical_design"
  | "multiple_choice"
  | "open_writing"
  | "long_context";

export const HASH_BITS = 14;
const HASH_MASK = (1 << HASH_BITS) - 1;
/** Head and tail of the question that are tokenised (characters). */
const HEAD_CHARS = 2_000;
const TAIL_CHARS = 800;

/** Task type, numbers, lengths and depth, in the order of `dense` below; the question's shape follows. */
const TASK_FEATURES = [
  "log_chars",
  "log_total_chars",
  "log_user_turns",
  "numbers",
  "sentences_with_numbers",
  "arithmetic",
  "word_problem",
  "code",
  "formal_reasoning",
  "mathematics",
  "multiple_choice",
  "open_writing",
  "math_symbols",
  "log_stem_chars",
  "log_option_chars",
  "numbers_in_options",
  "negation",
  "statements",
  "choice_x_numbers",
  "choice_x_log_chars",
  "open_x_numbers",
  "open_x_sentences_with_numbers",
  "open_x_log_chars",
] as const;

/** Dense feature names, in the order of the model's dense weights. */
export const DENSE_FEATURES = [...TASK_FEATURES, ...SHAPE_FEATURES] as const;

export interface DifficultyFeatures {
  /** Values for DENSE_FEATURES, roughly in [0, 1]. */
  dense: number[];
  /** Distinct hashed n-gram buckets present (binary features). */
  buckets: number[];
  cues: TaskCue[];
}

const WORD_PROBLEM = /\b(how (many|much|long|far|old)|what (is|was) the (total|cost|price|difference)|in total|altogether|per (day|week|hour|month)|each|left over|remaining)\b/;
const CODE = /```|\b(def|function|class|return|import|const|var|print|public static|#include|SELECT|console\.log)\b|=>|\)\s*\{|;\s*$/m;
const FORMAL = /\b(valid|invalid|premises?|conclusion|entails?|tautolog\w*|contradiction|propositional|predicate logic|syllogism|fallacy|if and only if|iff|logically)\b|[∀∃→↔¬∨∧⊃≡⊢]/;
const MATHEMATICS = /\b(equation|integer|prime|polynomial|derivative|integral|matrix|probability|theorem|prove|ring|group|field|modulo|factor|vector|eigen\w*|limit)\b|\\frac|\\sqrt|\^\d|\d\s*[x×*/]\s*\d/;
const MULTIPLE_CHOICE = /(^|\n)\s*[A-D][.)]\s+\S[^\n]*\n\s*[A-D][.)]\s+\S/;
const OPEN_WRITING = /\b(write|draft|compose|essay|story|poem|blog|email|letter|rewrite|brainstorm|describe)\b/;
const NEGATION = /\b(NOT|EXCEPT|LEAST|FALSE)\b/;
const STATEMENTS = /\bStatement 1\b|\bI+\.\s|\bI and II\b/;
const OPTION_START = /(^|\n)\s*A[.)]\s/;
const MATH_SYMBOL = /[=+\-*/^%√∑∫<>]/g;
const NUMBER = /\d+(?:[.,]\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|half|twice|double|triple|third|quarter)\b/g; // on lower-cased text
const HAS_NUMBER = new RegExp(NUMBER.source);
const DIGITS = /\d+(?:[.,]\d+)?/g;
const TECHNICAL_DESIGN = /\b(design|architect\w*|protocol|algorithm|distributed|consensus|fault[- ]tolerant|scalab\w+|concurren\w+|trade-?offs?|optimi[sz]e)\b/;

/** FNV-1a over a string, 32-bit. */
function fnv(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function windowOf(text: string): string {
  return text.length <= HEAD_CHARS + TAIL_CHARS ? text : `${text.slice(0, HEAD_CHARS)}\n${text.slice(-TAIL_CHARS)}`;
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text) !== null) found += 1;
  return found;
}

/** Bucket marks reused between calls (cleared after each), so hashing allocates no Set. */
const seen = new Uint8Array(1 << HASH_BITS);
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const START = fnv("<s>");

/**
 * Words (runs of a–z and digits, each digit run folded to "0"), and their bigrams, hashed into
 * 2^HASH_BITS buckets; distinct buckets in order of first appearance. One pass over the
 * characters, no regex and no word strings: this is most of the estimator's time.
 */
function hashedNgrams(lower: string): number[] {
  const buckets: number[] = [];
  const add = (bucket: number) => {
    if (seen[bucket] === 0) {
      seen[bucket] = 1;
      buckets.push(bucket);
    }
  };
  let previous = START;
  let hash = FNV_OFFSET;
  let inWord = false;
  let inDigits = false;
  for (let i = 0; i <= lower.length; i += 1) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    const digit = code >= 48 && code <= 57;
    if ((code >= 97 && code <= 122) || digit) {
      if (digit && inDigits) continue;
      hash = Math.imul(hash ^ (digit ? 48 : code), FNV_PRIME);
      inWord = true;
      inDigits = digit;
    } else if (inWord) {
      const unigram = hash >>> 0;
      add(unigram & HASH_MASK);
      add((Math.imul(previous ^ 0x9e3779b9, FNV_PRIME) ^ unigram) & HASH_MASK);
      previous = unigram;
      hash = FNV_OFFSET;
      inWord = false;
      inDigits = false;
    }
  }
  for (const bucket of buckets) seen[bucket] = 0;
  return buckets;
}

const squash = (value: number, scale: number) => Math.min(1, value / scale);

export function difficultyFeatures(input: DifficultyInput): DifficultyFeatures {
  const window = windowOf(input.question);
  const lower = window.toLowerCase();
  const numbers = count(lower, NUMBER);
  const sentences = lower.split(/[.!?]\s|\n/);
  const sentencesWithNumbers = sentences.filter((sentence) => HAS_NUMBER.test(sentence)).length;
  const multipleChoice = MULTIPLE_CHOICE.test(window);
  // Number words alone ("premise one … two") are not arithmetic unless the text asks for a quantity.
  const digits = count(window, DIGITS);
  const asksQuantity = WORD_PROBLEM.test(lower);
  const arithmetic = !multipleChoice && numbers >= 2 && (digits >= 2 || asksQuantity);
  const wordProblem = arithmetic && asksQuantity;
  const code = CODE.test(window);
  const formal = FORMAL.test(lower);
  const mathematics = MATHEMATICS.test(lower);
  const writing = OPEN_WRITING.test(lower) && !multipleChoice;
  const design = TECHNICAL_DESIGN.test(lower) && !multipleChoice;
  const mathSymbols = count(window, MATH_SYMBOL);
  // A multiple-choice question's stem and its options say different things: long options are
  // reasoning, short ones recall; numbers in the options are computation.
  const optionsAt = multipleChoice ? window.search(OPTION_START) : -1;
  const stem = optionsAt < 0 ? window : window.slice(0, optionsAt);
  const options = optionsAt < 0 ? "" : window.slice(optionsAt);
  const logChars = squash(Math.log1p(input.question.length), 10);
  const numberFeature = squash(numbers, 20);
  const sentenceFeature = squash(sentencesWithNumbers, 8);
  const choice = multipleChoice ? 1 : 0;

  const cues: TaskCue[] = [];
  if (wordProblem) cues.push("word_problem");
  else if (arithmetic) cues.push("arithmetic");
  if (arithmetic && sentencesWithNumbers >= 3) cues.push("multi_step");
  if (code) cues.push("code");
  if (formal) cues.push("formal_reasoning");
  if (mathematics && !arithmetic) cues.push("mathematics");
  if (design) cues.push("technical_design");
  if (multipleChoice) cues.push("multiple_choice");
  if (writing) cues.push("open_writing");
  if (input.totalChars > 24_000) cues.push("long_context");

  const dense = [
    logChars,
    squash(Math.log1p(input.totalChars), 12),
    squash(Math.log1p(input.userTurns - 1), 3),
    numberFeature,
    sentenceFeature,
    arithmetic ? 1 : 0,
    wordProblem ? 1 : 0,
    code ? 1 : 0,
    formal ? 1 : 0,
    mathematics ? 1 : 0,
    multipleChoice ? 1 : 0,
    writing ? 1 : 0,
    squash(mathSymbols, 20),
    squash(Math.log1p(stem.length), 10),
    squash(Math.log1p(options.length), 8),
    squash(count(options.toLowerCase(), NUMBER), 12),
    NEGATION.test(window) ? 1 : 0,
    STATEMENTS.test(window) ? 1 : 0,
    choice * numberFeature,
    choice * logChars,
    (1 - choice) * numberFeature,
    (1 - choice) * sentenceFeature,
    (1 - choice) * logChars,
    ...questionShape(stem, options, window, lower),
  ];
  return { dense, buckets: hashedNgrams(lower), cues };
}
