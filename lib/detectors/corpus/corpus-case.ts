// One row of the detection corpus: a prompt, the detector it concerns, and for a positive case
// the part of the prompt the finding must cover. Every row names where it comes from.
import type { BuiltInDetectorKey } from "../built-in";

export interface CorpusCase {
  detector: BuiltInDetectorKey;
  text: string;
  /** The sensitive part of `text` a finding must cover; absent for a case that must not be found. */
  value?: string;
  /** Where `value` starts, when it also occurs earlier in `text`. */
  at?: number;
  source: string;
}

export const found = (detector: BuiltInDetectorKey, source: string, text: string, value = text): CorpusCase => ({ detector, text, value, source });
export const ignored = (detector: BuiltInDetectorKey, source: string, text: string): CorpusCase => ({ detector, text, source });
