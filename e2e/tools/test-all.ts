// npm test — every test tier, in the order that fails fastest: types, lint, unit, integration
// (real PostgreSQL), then the browser tests (Debian's Chromium). It first makes sure
// PostgreSQL answers and Chromium and HAProxy are installed, starting/installing them when it can.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { ensureDebianPackage } from "../../scripts/ensure-debian-package";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PG_HOST = "127.0.0.1";
const PG_PORT = 5432;

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: PG_HOST, port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function ensurePostgres() {
  if (await portOpen(PG_PORT)) return;
  console.log("PostgreSQL is not answering on 127.0.0.1:5432; starting it…");
  const versions = fs.existsSync("/etc/postgresql") ? fs.readdirSync("/etc/postgresql") : [];
  if (versions.length === 0) throw new Error("PostgreSQL is not installed (no /etc/postgresql). Install PostgreSQL 15 or set TEST_DATABASE_ADMIN_URL.");
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", versions[0]!, "main", "start"], { stdio: "inherit" });
  for (let i = 0; i < 50 && !(await portOpen(PG_PORT)); i++) await new Promise((r) => setTimeout(r, 200));
}

const STEPS: Array<[string, string, string[]]> = [
  ["Type check", "npx", ["tsc", "--noEmit"]],
  // ESLint and the import boundaries (dependency-cruiser), as `npm run lint` runs them.
  ["Lint", "npm", ["run", "--silent", "lint"]],
  ["Unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["Integration tests (PostgreSQL)", "npx", ["vitest", "run", "--project", "integration"]],
  ["Browser tests (Chromium)", "npx", ["playwright", "test"]],
];

async function main() {
  await ensurePostgres();
  ensureDebianPackage(CHROMIUM, "chromium", "for the browser tests");
  // The cluster test runs real HAProxy in front of two gateways.
  ensureDebianPackage("/usr/sbin/haproxy", "haproxy", "for the cluster test");
  for (const [title, command, args] of STEPS) {
    console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
    const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (result.status !== 0) {
      console.error(`\n✗ ${title} failed.`);
      process.exit(result.status ?? 1);
    }
  }
  console.log("\n✓ All tests passed.");
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
