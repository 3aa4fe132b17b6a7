// The retention boundary, pure so the CLI, the periodic job and the tests agree on it.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Records created before this instant are expired: `now` minus whole days of retention. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error(`Retention must be a whole number of days ≥ 1, got ${retentionDays}`);
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
