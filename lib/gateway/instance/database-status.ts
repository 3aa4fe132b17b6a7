// Whether this process can reach PostgreSQL, as its own traffic sees it: the ledger's writes,
// the policy refresh and key lookups report here. The gateway keeps serving from memory while
// the database is down; health endpoints and the console banner read this to say since when.

export interface DatabaseStatus {
  reachable: boolean;
  /** When the current outage was first noticed; null while reachable. */
  downSince: Date | null;
  /** A short reason, never a connection string. */
  lastError: string | null;
}

const globalForStatus = globalThis as unknown as { switchyardDatabaseStatus?: DatabaseStatus };
const status = (globalForStatus.switchyardDatabaseStatus ??= { reachable: true, downSince: null, lastError: null });

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // Driver messages can carry the host and user; keep only the kind of failure.
  if (typeof code === "string" && /^[A-Z0-9_]+$/.test(code)) return code;
  if (/timed? ?out/i.test(message)) return "timed out";
  return "not reachable";
}

/** Something failed talking to the database. Logs once per outage. */
export function reportDatabaseDown(error: unknown, what: string): void {
  if (status.reachable) {
    status.reachable = false;
    status.downSince = new Date();
    console.error(`[switchyard] database unreachable (${what}: ${reason(error)}); serving from memory and journaling decision records`);
  }
  status.lastError = reason(error);
}

/** A database call succeeded. */
export function reportDatabaseUp(): void {
  if (status.reachable) return;
  const since = status.downSince;
  status.reachable = true;
  status.downSince = null;
  status.lastError = null;
  console.log(`[switchyard] database reachable again (down since ${since?.toISOString() ?? "?"})`);
}

export function databaseStatus(): Readonly<DatabaseStatus> {
  return { ...status };
}
