import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { closeLedgerPool } from "./ledger-pool";

// Next evaluates server modules more than once in production (pages and route handlers);
// one client per process on globalThis keeps it to a single connection pool.
const globalForDb = globalThis as unknown as { switchyardDb?: PrismaClient };

function createClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the console with `npm run dev` or `npm start`, which start the embedded database when no DATABASE_URL is given.",
    );
  }
  // A database that stops answering (stopped, partitioned) must fail a query within seconds, not
  // hang it: the gateway then serves from memory (keys, policy, budgets) and journals its records.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, connectionTimeoutMillis: 3_000, idleTimeoutMillis: 30_000 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

/** The one Prisma client. Password hashes are omitted unless a query asks for them. */
export function getDb(): PrismaClient {
  globalForDb.switchyardDb ??= createClient();
  return globalForDb.switchyardDb;
}

/** Closes the Prisma client and the ledger's pg pool (lib/db/ledger-pool.ts). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.switchyardDb?.$disconnect();
  globalForDb.switchyardDb = undefined;
  await closeLedgerPool();
}
