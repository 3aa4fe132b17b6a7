// Prisma is reached only through this module (STYLE.md): components and lib/routing never import it.
export { getDb, disconnectDb } from "./client";
export { inLedgerTransaction } from "./ledger-pool";
export { Prisma } from "./generated/client";
export type * from "./generated/client";
export { mapPrismaError } from "./errors";
