// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) persisted under
// data/pglite and served on a loopback port, so Prisma's pg adapter and the migrations work
// unchanged. Used only when no DATABASE_URL is given.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const EMBEDDED_PORT = 54329;
export const DATA_DIR = path.resolve(import.meta.dirname, "..", "..", "data");
const PGLITE_DIR = path.join(DATA_DIR, "pglite");

export const embeddedDatabaseUrl = `postgresql://postgres@127.0.0.1:${EMBEDDED_PORT}/postgres?sslmode=disable`;

export interface EmbeddedDatabase {
  url: string;
  /** False when another Switchyard process already serves the embedded database; we reuse it. */
  ownedByThisProcess: boolean;
  stop(): Promise<void>;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startEmbeddedDatabase(): Promise<EmbeddedDatabase> {
  // `npm run db:seed` while `npm run dev` runs: PGlite allows one process per folder, so the
  // second process talks to the first one's server instead of opening the folder again.
  if (await portAnswers(EMBEDDED_PORT)) {
    return { url: embeddedDatabaseUrl, ownedByThisProcess: false, stop: async () => {} };
  }
  fs.mkdirSync(PGLITE_DIR, { recursive: true });
  const db = await PGlite.create(PGLITE_DIR);
  // Connections share one backend and queries are queued, so a handful is plenty.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: EMBEDDED_PORT, maxConnections: 8 });
  await server.start();
  let stopped = false;
  return {
    url: embeddedDatabaseUrl,
    ownedByThisProcess: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
