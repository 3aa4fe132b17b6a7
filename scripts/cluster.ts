// npm run cluster — N production gateway instances behind HAProxy on one machine, sharing
// PostgreSQL and Redis. Settings: INSTANCES (default 2), PORT (HAProxy's, default 3000; the
// instances listen on PORT+1 … PORT+N on 127.0.0.1), DATABASE_URL (a real PostgreSQL: the
// embedded database serves one process), REDIS_URL (default redis://127.0.0.1:6379).
// Builds the app when no build exists, applies migrations, installs Debian's haproxy when it is
// missing and this runs as root. Ctrl-C stops everything (instances flush their records first).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { haproxyConfig } from "../lib/cluster/haproxy-config";
import { childProcessEnv, env } from "../lib/env";
import { localAuthSecret } from "../prisma/tools/auth-secret";
import { ensureDebianPackage } from "./ensure-debian-package";
import { serverArgs } from "./server-command";

const HAPROXY = "/usr/sbin/haproxy";

function npx(args: string[], overrides: Record<string, string>) {
  execFileSync("npx", args, { stdio: "inherit", env: childProcessEnv(overrides) });
}

async function main() {
  const instances = env.INSTANCES;
  if (!Number.isInteger(instances) || instances < 1 || instances > 32) throw new Error("INSTANCES must be a whole number from 1 to 32.");
  if (!env.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL database: instances share it (the embedded database serves one process).");
  const port = env.PORT;
  const shared: Record<string, string> = {
    DATABASE_URL: env.DATABASE_URL,
    REDIS_URL: env.REDIS_URL ?? "redis://127.0.0.1:6379",
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? localAuthSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    // One hop appends to X-Forwarded-For: HAProxy. Failed-authentication limits count real clients.
    TRUST_PROXY: String(env.TRUST_PROXY || 1),
  };
  ensureDebianPackage(HAPROXY, "haproxy", "for the load balancer");
  if (!fs.existsSync(path.join(process.cwd(), env.NEXT_DIST_DIR, "BUILD_ID"))) npx(["next", "build"], shared);
  npx(["prisma", "migrate", "deploy"], shared);

  const children: ChildProcess[] = [];
  const addresses: string[] = [];
  for (let index = 1; index <= instances; index++) {
    const instancePort = port + index;
    addresses.push(`127.0.0.1:${instancePort}`);
    const child = spawn(process.execPath, serverArgs(instancePort, "127.0.0.1"), { stdio: "inherit", env: childProcessEnv({ ...shared, PORT: String(instancePort) }) });
    children.push(child);
  }
  const dir = path.join(process.cwd(), "data", "cluster");
  fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(config, haproxyConfig({ bind: `0.0.0.0:${port}`, instances: addresses, maxConnPerInstance: env.GATEWAY_MAX_IN_FLIGHT }));
  const balancer = spawn(HAPROXY, ["-db", "-f", config], { stdio: "inherit" });
  children.push(balancer);
  console.log(`Switchyard cluster: ${instances} instance(s) on ${addresses.join(", ")} behind HAProxy on http://localhost:${port} (config: ${config}).`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill(signal === "SIGINT" ? "SIGTERM" : signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await Promise.all(children.map((child) => new Promise((resolve) => child.once("exit", resolve))));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
