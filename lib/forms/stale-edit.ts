/** A save based on an old version of the row: someone else changed it in between. */
export class StaleEditError extends Error {
  constructor(
    readonly entity: string,
    readonly entityKey: string,
    readonly changedBy: string | null,
    readonly changedAt: Date | null,
  ) {
    super(
      changedBy && changedAt
        ? `This ${entity} was changed by ${changedBy} at ${changedAt.toISOString().replace("T", " ").slice(0, 19)} UTC — reload to see their change, then edit again.`
        : `This ${entity} was changed by someone else since you opened it — reload to see the change, then edit again.`,
    );
  }
}

/** A refusal the person can act on (shown next to the form), as opposed to a bug. */
export class ConfigRuleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
