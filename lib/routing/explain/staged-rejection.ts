// A rejection plus where in the pipeline it happened. The stage tells which constraint removed
// the last models (the one furthest along), and lets reports read in the order the engine checks.
import type { Rejection } from "../types";

export interface StagedRejection extends Rejection {
  /** Index of the check that removed the model; later checks only see models earlier ones kept. */
  stage: number;
  tierPosition: number | undefined;
  priority: number;
}

export function compareStaged(a: StagedRejection, b: StagedRejection): number {
  return (
    a.stage - b.stage ||
    (a.tierPosition ?? Number.MAX_SAFE_INTEGER) - (b.tierPosition ?? Number.MAX_SAFE_INTEGER) ||
    a.priority - b.priority ||
    a.alias.localeCompare(b.alias)
  );
}

export function toRejection({ alias, tierKey, providerKey, reason, detail }: StagedRejection): Rejection {
  return { alias, tierKey, providerKey, reason, detail };
}
