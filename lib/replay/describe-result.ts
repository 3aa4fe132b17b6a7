// A what-if result in words (the CLI's output) and as the CLI's JSON. Pure.
import { formatInteger, formatUsd } from "@/lib/format";
import type { WhatIfResultData } from "./result";
import type { Placement } from "./types";

export function placementWords(place: Placement): string {
  return place.refused ? "refused" : `${place.alias ?? "?"} (${place.tierKey ?? "?"})`;
}

const share = (part: number, whole: number) => (whole === 0 ? "0 %" : `${((100 * part) / whole).toFixed(1)} %`);

/** Replay cost minus actual: negative = the policy would have saved money. */
export function costDelta(result: WhatIfResultData): number {
  return result.summary.replayCostUsd - result.summary.actualCostUsd;
}

export function describeResult(result: WhatIfResultData): string[] {
  const s = result.summary;
  const lines = [
    `What-if: ${result.policy.label} replayed on ${formatInteger(s.replayed)} decision records of the last ${result.window.days === 1 ? "day" : `${result.window.days} days`} (${result.window.from} – ${result.window.to}).`,
  ];
  if (result.sample) lines.push(`The window holds ${formatInteger(result.sample.recordsInWindow)} records: one in ${result.sample.every} was replayed (a sample); counts and costs are the sample's.`);
  lines.push(
    `Tier changes: ${formatInteger(s.changedTier)} (${share(s.changedTier, s.replayed)}); model changes: ${formatInteger(s.changedModel)}; newly refused: ${formatInteger(s.newlyRefused)}; newly served: ${formatInteger(s.newlyServed)}.`,
    `Cost with actual tokens: ${formatUsd(s.actualCostUsd)} actual → ${formatUsd(s.replayCostUsd)} replayed (${costDelta(result) <= 0 ? "" : "+"}${formatUsd(costDelta(result))}).`,
    `All-frontier baseline (${result.policy.baselineModelAlias ?? "none set"}): ${formatUsd(s.baselineCostUsd)}; savings ${formatUsd(s.baselineCostUsd - s.actualCostUsd)} actual → ${formatUsd(s.baselineCostUsd - s.replayCostUsd)} replayed.`,
    `Data-class violations: ${s.dataClassViolations}. Skipped: ${formatInteger(s.skipped)} (${formatInteger(s.skippedBy.no_replay_input)} recorded without replay inputs, ${formatInteger(s.skippedBy.unknown_keyword)} need a new routing keyword checked against a prompt that was not stored).`,
  );
  if (s.unpricedActual + s.unpricedReplay + s.servedWithoutTokens > 0) {
    lines.push(`Left out of the cost sums: ${s.unpricedActual} unpriced actual, ${s.unpricedReplay} unpriced replayed, ${s.servedWithoutTokens} served by the replay but never for real (no actual tokens).`);
  }
  const moves = s.matrix.filter((cell) => !(cell.from.refused && cell.to.refused) && (cell.from.alias !== cell.to.alias || cell.from.tierKey !== cell.to.tierKey || cell.from.refused !== cell.to.refused));
  if (moves.length > 0) {
    lines.push("Changes (feature: from → to, requests):");
    for (const cell of moves.slice(0, 20)) lines.push(`  - ${cell.featureKey ?? "(no feature)"}: ${placementWords(cell.from)} → ${placementWords(cell.to)}, ${formatInteger(cell.count)}`);
  }
  for (const refusal of s.refusals) lines.push(`Newly refused (${refusal.constraint}): ${formatInteger(refusal.count)} — e.g. "${refusal.example}"`);
  return lines;
}

/** The CLI's --json object: the issue's fields first, then the whole result. */
export function resultJson(result: WhatIfResultData) {
  const s = result.summary;
  return {
    replayed: s.replayed,
    changedTier: s.changedTier,
    changedModel: s.changedModel,
    newlyRefused: s.newlyRefused,
    newlyServed: s.newlyServed,
    actualCostUsd: s.actualCostUsd,
    replayCostUsd: s.replayCostUsd,
    baselineCostUsd: s.baselineCostUsd,
    dataClassViolations: s.dataClassViolations,
    skipped: s.skipped,
    ...result,
  };
}
