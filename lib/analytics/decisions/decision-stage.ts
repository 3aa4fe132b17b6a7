// How far a recorded request got through the router, so the decision page says one consistent
// thing: a request refused before routing has no candidates and no rejections to list. Pure.
import type { DecisionDetail } from "./get-decision";

export type DecisionStage =
  /** The router ran and listed candidates (served, fell back, failed upstream or a dry run). */
  | { kind: "routed" }
  /** The router ran and every model was rejected; `constraint` emptied the list. */
  | { kind: "refused_by_policy"; constraint: string | null }
  /** Stopped before the router: bad input, the key's scope or rate limit, overload. */
  | { kind: "before_routing"; malformed: boolean; field: string | null; reason: string | null };

const FIELD_LINE = /^Field at fault: '(.+)'\.$/;
const ANSWER_LINE = /^Answered \d{3} [a-z_]+: (.+)$/;

type StageInput = Pick<DecisionDetail, "candidates" | "rejected" | "modelAlias" | "refusalConstraint" | "trace" | "policyVersion" | "dataClass">;

export function decisionStage(decision: StageInput): DecisionStage {
  if (decision.candidates.length > 0 || decision.modelAlias !== null) return { kind: "routed" };
  if (decision.rejected.length > 0) return { kind: "refused_by_policy", constraint: decision.refusalConstraint };
  // No candidate and no rejection: the router never listed models (or there were none to list).
  const field = decision.trace.map((line) => FIELD_LINE.exec(line)?.[1]).find((value) => value !== undefined) ?? null;
  const reason = decision.trace.map((line) => ANSWER_LINE.exec(line)?.[1]).find((value) => value !== undefined) ?? null;
  const routed = decision.dataClass !== "unclassified" && decision.refusalConstraint !== null && decision.refusalConstraint !== "malformed";
  if (routed) return { kind: "refused_by_policy", constraint: decision.refusalConstraint };
  return { kind: "before_routing", malformed: decision.refusalConstraint === "malformed", field, reason };
}
