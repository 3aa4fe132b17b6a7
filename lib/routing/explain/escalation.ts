// Escalation: why the chosen model sits above the cheapest tier the data class allows — the
// number finance and dashboards group by. Precedence, most specific first:
//   pin (the caller asked) → rule pin → health (a cheaper model passed every policy check and
//   was only down or rate-limited, since health is checked last) → the minimum tier's source
//   (difficulty or rule) → context → licence → disabled cheaper models (health) → none.
import type { PinScope } from "../constraints/pin";
import type { StagedRejection } from "./staged-rejection";
import type { EscalationReason, TierBound } from "../types";

export interface EscalationInput {
  /** Tier position of the first candidate; undefined when there is none. */
  chosenPosition: number | undefined;
  /** Position of the cheapest tier the data class allows. */
  floorPosition: number | undefined;
  pin: PinScope;
  minTier: TierBound | null;
  minTierPosition: number | undefined;
  rejections: readonly StagedRejection[];
}

export function escalationReason(input: EscalationInput): EscalationReason {
  const { chosenPosition, floorPosition } = input;
  if (chosenPosition === undefined || floorPosition === undefined || chosenPosition <= floorPosition) return "none";
  if (input.pin.kind !== "none") return input.pin.kind === "model" && input.pin.source === "rule" ? "rule" : "pin";

  const cheaper = input.rejections.filter(
    (rejection) =>
      rejection.tierPosition !== undefined &&
      rejection.tierPosition >= floorPosition &&
      rejection.tierPosition < chosenPosition,
  );
  const any = (...reasons: string[]): boolean => cheaper.some((rejection) => reasons.includes(rejection.reason));

  if (any("circuit_open", "rate_limit")) return "health";
  if (input.minTier !== null && input.minTierPosition !== undefined && input.minTierPosition > floorPosition) {
    if (input.minTier.source === "difficulty") return "difficulty";
    if (input.minTier.source === "rule") return "rule";
  }
  if (any("context_window")) return "context";
  if (any("capability")) return "capability";
  if (any("licence")) return "licence";
  if (any("disabled")) return "health";
  return "none";
}

export function escalationWords(reason: EscalationReason, minTier: TierBound | null, pin: PinScope): string {
  switch (reason) {
    case "none":
      return "";
    case "pin":
      return "the caller pinned it";
    case "rule":
      return pin.kind === "model" && pin.source === "rule"
        ? `rule "${pin.rule?.name ?? ""}" pins it`
        : (minTier?.why ?? "a routing rule asks for a higher tier");
    case "difficulty":
      return minTier?.why ?? "the difficulty asks for a higher tier";
    case "context":
      return "the request does not fit the cheaper models' context windows";
    case "licence":
      return "the cheaper models' licences do not permit this use";
    case "capability":
      return "the cheaper models cannot do what the request needs";
    case "health":
      return "the cheaper models are down, rate-limited or switched off";
  }
}
