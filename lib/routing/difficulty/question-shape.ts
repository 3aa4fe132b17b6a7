// The shape of a question, apart from its subject: how its options relate to one another, what
// the stem asks for, how formal its words are. The labelled data covers only some MMLU subjects
// and the estimator must rank questions on subjects it never saw, so these features say nothing
// about the topic — "pairs of judgements as options" (Statement 1 | … Statement 2 | …, True,
// False), "all options numbers", long or uneven options, "which of the following", the share of
// long words. Chosen by cross-validation that leaves whole subjects out (bench/ROUTING.md).

export const SHAPE_FEATURES = [
  "option_overlap",
  "option_repetition",
  "which_of_the_following",
  "stem_is_question",
  "blank_to_fill",
  "all_or_none_option",
  "option_length_spread",
  "log_longest_option",
  "numeric_options",
  "years",
  "capitalised_words",
  "mean_word_length",
  "long_words",
  "first_person",
  "pipe",
  "judgement_options",
  "asks_best",
  "asks_computation",
] as const;

const OPTION_LINE = /(?:^|\n)\s*[A-D][.)]\s+([^\n]*)/g;
const WHICH_FOLLOWING = /which of the following/;
const BLANK = /_{2,}|\bblank\b/;
const ALL_OR_NONE = /\b(all|none|both|neither) of the (above|following)\b/;
const NUMERIC_OPTION = /^[-$€£]?\s*[\d.,/%\s^*()a-z]{0,12}$/;
const DIGIT = /\d/;
const YEAR = /\b1[0-9]{3}\b|\b20[0-9]{2}\b/g;
const FIRST_PERSON = /\b(I|my|me)\b/;
const JUDGEMENT = /\b(true|false|wrong|correct|incorrect)\b/;
const ASKS_BEST = /\b(most likely|best|primarily|most appropriate|strongest)\b/;
const ASKS_COMPUTATION = /\b(calculate|compute|how many|how much|what is the value|find)\b/;

function optionTexts(options: string): string[] {
  const texts: string[] = [];
  OPTION_LINE.lastIndex = 0;
  for (let match = OPTION_LINE.exec(options); match !== null; match = OPTION_LINE.exec(options)) texts.push((match[1] ?? "").trim());
  return texts;
}

/** Lower-cased runs of a–z and digits. */
function tokens(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

/** How much the options share: words in all of them over words in any, and 1 − distinct/total. */
function optionOverlap(texts: readonly string[]): { overlap: number; repetition: number } {
  if (texts.length < 2) return { overlap: 0, repetition: 0 };
  const sets = texts.map(tokens);
  const union = new Set<string>();
  let total = 0;
  for (const set of sets) {
    total += set.size;
    for (const token of set) union.add(token);
  }
  let shared = 0;
  if (sets.every((set) => set.size > 0)) for (const token of union) if (sets.every((set) => set.has(token))) shared += 1;
  return { overlap: union.size === 0 ? 0 : shared / union.size, repetition: 1 - union.size / Math.max(1, total) };
}

/** Word statistics of the stem in one pass: words (runs of letters), capitalised, long (≥ 10), letters. */
function wordStatistics(stem: string) {
  let words = 0;
  let capitalised = 0;
  let long = 0;
  let letters = 0;
  let run = 0;
  for (let i = 0; i <= stem.length; i += 1) {
    const code = i < stem.length ? stem.charCodeAt(i) : 32;
    const upper = code >= 65 && code <= 90;
    if (upper || (code >= 97 && code <= 122)) {
      if (run === 0 && upper) capitalised += 1;
      run += 1;
      continue;
    }
    if (run > 0) {
      words += 1;
      letters += run;
      if (run >= 10) long += 1;
      run = 0;
    }
  }
  const perWord = Math.max(1, words);
  return { capitalised: capitalised / perWord, meanLength: words === 0 ? 0 : Math.min(1, letters / words / 10), long: long / perWord };
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text) !== null) found += 1;
  return found;
}

const flag = (value: boolean) => (value ? 1 : 0);

/**
 * Values for SHAPE_FEATURES, each in [0, 1]. `stem` is the question before its options (the
 * whole text when there are none), `options` the text from option A on ("" when none), `text`
 * the whole (windowed) question and `lower` the same lower-cased.
 */
export function questionShape(stem: string, options: string, text: string, lower: string): number[] {
  const texts = optionTexts(options);
  const { overlap, repetition } = optionOverlap(texts);
  const lengths = texts.length === 0 ? [0] : texts.map((option) => option.length);
  const longest = Math.max(...lengths);
  const shortest = Math.min(...lengths);
  const meanLength = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  const lowerStem = stem.toLowerCase();
  const lowerOptions = texts.join(" ").toLowerCase();
  const words = wordStatistics(stem);
  return [
    overlap,
    repetition,
    flag(WHICH_FOLLOWING.test(lowerStem)),
    flag(stem.trimEnd().endsWith("?")),
    flag(BLANK.test(stem)),
    flag(ALL_OR_NONE.test(lower)),
    Math.min(1, (longest - shortest) / (1 + meanLength) / 3),
    Math.min(1, Math.log1p(longest) / 6),
    flag(texts.length > 0 && texts.every((option) => NUMERIC_OPTION.test(option.toLowerCase()) && DIGIT.test(option))),
    Math.min(1, count(text, YEAR) / 3),
    words.capitalised,
    words.meanLength,
    words.long,
    flag(FIRST_PERSON.test(stem)),
    flag(text.includes("|")),
    flag(JUDGEMENT.test(lowerOptions)),
    flag(ASKS_BEST.test(lowerStem)),
    flag(ASKS_COMPUTATION.test(lowerStem)),
  ];
}
