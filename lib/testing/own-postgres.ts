// A PostgreSQL server of a test's own, on another port, that the test may stop and start: the
// shared server on 5432 is never touched. initdb refuses to run as root, so as root the server
// runs as the `postgres` user (Debian's package creates it).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN_DIRS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

export interface OwnPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  start(): void;
  /** Immediate shutdown, as a crash or a network partition looks to clients. */
  stop(): void;
  destroy(): void;
}

function binary(name: string): string {
  const dir = BIN_DIRS.find((candidate) => fs.existsSync(path.join(candidate, name)));
  if (!dir) throw new Error(`PostgreSQL's ${name} was not found in ${BIN_DIRS.join(", ")}.`);
  return path.join(dir, name);
}

function run(command: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ["ignore", "ignore", "pipe"], timeout: 60_000 });
}

export function createOwnPostgres(port: number): OwnPostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  run(binary("initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  // Sockets in the data folder: nothing is written to /var/run/postgresql.
  const options = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  let running = false;
  const server: OwnPostgres = {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      run(binary("pg_ctl"), ["-D", data, "-l", log, "-o", options, "-w", "-t", "30", "start"]);
      running = true;
    },
    stop() {
      run(binary("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      running = false;
    },
    destroy() {
      try {
        if (running) server.stop();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  server.start();
  return server;
}
