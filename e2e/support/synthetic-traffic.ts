// Synthetic traffic for the specs that read a full log (Costs, Decisions): 30,000 requests over
// 65 days (so last month is complete), through the generator's CLI against the web server's own
// database. The arguments are the same everywhere, so whichever spec runs first fills the log and
// the others reuse it (--skip-if-present).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export function ensureSyntheticTraffic() {
  const url = readFileSync(path.join(process.env.E2E_OUTPUT_DIR ?? "test-results", ".e2e-database-url"), "utf8").trim();
  execFileSync("npx", ["tsx", "prisma/tools/generate-traffic.ts", "--requests", "30000", "--days", "65", "--seed", "0.5", "--skip-if-present"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "inherit",
    timeout: 300_000,
  });
}
