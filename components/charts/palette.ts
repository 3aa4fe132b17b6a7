// Series colours: one per tier wherever tiers appear, so "frontier" is the same violet on every chart.
const TIER_COLORS: Record<string, string> = {
  local: "#10b981",
  "hosted-open": "#0ea5e9",
  frontier: "#8b5cf6",
  "": "#94a3b8",
};

const EXTRA = ["#f59e0b", "#ef4444", "#14b8a6", "#6366f1", "#84cc16", "#ec4899"];

export function tierColor(tierKey: string, index = 0): string {
  return TIER_COLORS[tierKey] ?? EXTRA[index % EXTRA.length]!;
}

export const COST_COLOR = "#0f172a";
export const BASELINE_COLOR = "#f97316";
export const SAVINGS_COLOR = "#10b981";
