// The data classes must only tighten as they rise: a more sensitive class may use no tier and
// no provider region that a less sensitive class may not. Otherwise a detector that raises a
// request (internal → confidential) could open a tier the request was kept off before, which
// reads as "more sensitive data may go further" — never what an admin means.

export interface DataClassAllowance {
  key: string;
  name: string;
  rank: number;
  tierKeys: readonly string[];
  /** Empty = any region. */
  allowedRegions: readonly string[];
}

export interface OrderProblem {
  /** The form field to show it next to. */
  field: "tierKeys" | "allowedRegions";
  message: string;
}

const listWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/**
 * The first pair of classes that breaks the order, described for the person who is editing
 * `editedKey` (the message says what to change on that class, or on its neighbour).
 */
export function checkDataClassOrder(classes: readonly DataClassAllowance[], editedKey: string): OrderProblem | null {
  const sorted = [...classes].sort((a, b) => a.rank - b.rank);
  for (let lower = 0; lower < sorted.length; lower++) {
    for (let higher = lower + 1; higher < sorted.length; higher++) {
      const less = sorted[lower]!;
      const more = sorted[higher]!;
      if (less.key !== editedKey && more.key !== editedKey) continue;
      const extraTiers = more.tierKeys.filter((tier) => !less.tierKeys.includes(tier));
      if (extraTiers.length > 0) {
        const fix = more.key === editedKey ? `Remove ${listWords(extraTiers)} from ${more.name}` : `Remove ${listWords(extraTiers)} from ${more.name} first`;
        return {
          field: "tierKeys",
          message: `${more.name} would be allowed ${listWords(extraTiers)} while the less sensitive ${less.name} is not: a more sensitive class can only use tiers every less sensitive class may use. ${fix}, or allow ${less.name} the same.`,
        };
      }
      const anyRegion = (allowance: DataClassAllowance) => allowance.allowedRegions.length === 0;
      if (anyRegion(less)) continue;
      const extraRegions = anyRegion(more) ? ["any region"] : more.allowedRegions.filter((region) => !less.allowedRegions.includes(region));
      if (extraRegions.length > 0) {
        return {
          field: "allowedRegions",
          message: `${more.name} would be allowed ${listWords(extraRegions)} while the less sensitive ${less.name} is limited to ${listWords(less.allowedRegions)}: a more sensitive class can only use regions every less sensitive class may use.`,
        };
      }
    }
  }
  return null;
}
