import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// The ledger's batch writes (lib/ledger/write-batch.ts) go to PostgreSQL through pg itself, not
// Prisma: a batch is a handful of hand-written statements, and Prisma's interactive transaction
// and request pipeline cost ~1.5 ms of CPU per batch on the gateway's one thread for nothing the
// batch needs (bench/README.md, "The lean hot path"). Everything else stays on Prisma.

/** How long one ledger statement may take before the batch fails and the queue retries it. */
const STATEMENT_TIMEOUT_MS = 10_000;

// One pool per process, like the Prisma client (Next evaluates server modules more than once).
const globalForPool = globalThis as unknown as { switchyardLedgerPool?: pg.Pool };

function createPool(): pg.Pool {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: the ledger has no database to write to.");
  // The queue writes one batch at a time; two connections leave room for a retry's overlap.
  // Like the Prisma client's pool, a database that stops answering fails a write within seconds.
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: 2,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    query_timeout: STATEMENT_TIMEOUT_MS,
  });
  // An idle connection the server drops (a restart, an outage) must not take the process with it;
  // the next write fails, is reported and retried.
  pool.on("error", (error) => console.error("[switchyard] an idle ledger database connection failed", error.message));
  return pool;
}

function ledgerPool(): pg.Pool {
  globalForPool.switchyardLedgerPool ??= createPool();
  return globalForPool.switchyardLedgerPool;
}

/**
 * Runs `work` in one transaction on a ledger connection: committed when it resolves, rolled back
 * when it throws. When PostgreSQL refused a statement (an error with its SQLSTATE), the
 * connection is rolled back and reused; any other failure (a timeout, a lost connection) may
 * leave a statement running, so the connection is closed instead, which ends the transaction.
 */
export async function inLedgerTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await ledgerPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    client.release();
    return result;
  } catch (error) {
    const rolledBack = error instanceof pg.DatabaseError && (await client.query("ROLLBACK").then(() => true, () => false));
    client.release(rolledBack ? undefined : true);
    throw error;
  }
}

export async function closeLedgerPool(): Promise<void> {
  const pool = globalForPool.switchyardLedgerPool;
  globalForPool.switchyardLedgerPool = undefined;
  await pool?.end();
}
