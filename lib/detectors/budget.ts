// How much work detect() may do for one request. Every scanner here is linear, but "linear"
// still multiplies: a 1 MiB prompt times many admin rules times the engine's constant. The
// budget turns that product into a bound, and running out fails closed: detect() then reports
// a `detection_limit` finding at the restricted class instead of skipping the text it could not
// read.

/** The gateway accepts request bodies up to 1 MiB, so no prompt text is longer than this. */
export const MAX_DETECT_CHARS = 1_048_576;

/**
 * Units a request may spend: one unit per character a pass reads, and RE2_FIND_WEIGHT units per
 * character when re2js has to report positions (its NFA is that much slower than its DFA).
 * Calibrated in bench/detectors.ts: the built-ins cost about 12 units per character, so a
 * 1 MiB prompt leaves room for roughly a dozen admin rules; a 32k-token prompt for hundreds.
 */
export const DETECTION_BUDGET_UNITS = 24 * MAX_DETECT_CHARS;

/** re2js reports positions with its NFA, measured at ~8x the cost of its DFA's yes/no pass. */
export const RE2_FIND_WEIGHT = 8;

/** The finding detect() adds when the prompt was too large or the budget ran out. */
export const DETECTION_LIMIT_FINDING = "detection_limit";

export class DetectionBudget {
  /** Units charged so far. */
  spent = 0;
  /**
   * Loop iterations of the hand-written scanners (a step counter for the linearity tests;
   * not charged, since each scanner's steps are a small multiple of the text's length).
   */
  steps = 0;
  exhausted = false;

  constructor(readonly limit: number = DETECTION_BUDGET_UNITS) {}

  /** Spends `units` if they are left; false (and exhausted from then on) if not. */
  charge(units: number): boolean {
    if (this.exhausted) return false;
    if (this.spent + units > this.limit) {
      this.exhausted = true;
      return false;
    }
    this.spent += units;
    return true;
  }
}
