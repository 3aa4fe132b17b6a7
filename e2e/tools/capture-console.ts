// Screenshots of every console page as admin, light and dark, into one folder, so two builds
// (e.g. before and after a restructuring) can be compared page by page. 1366×800 unless
// --width/--height say otherwise (e.g. a phone: --width 390 --height 844). Run against a server
// prepared like the browser tests' (e2e/tools/serve.ts: fresh seeded database, E2E users):
//   E2E_PORT=3420 E2E_SKIP_BUILD=1 npx tsx e2e/tools/serve.ts &   # after a `next build`
//   npx tsx e2e/tools/capture-console.ts http://localhost:3420 /work/screens/before [--width 390 --height 844]
// It sends two gateway requests first (one served, one refused) so the log, the overview and a
// decision's page have something to show.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { AREAS } from "../../lib/auth/roles";
import { submitSignIn } from "../support/session";
import { E2E_API_KEY, E2E_PASSWORD, USERS } from "../support/users";

const THEMES = ["light", "dark"] as const;
const DEFAULT_VIEWPORT = { width: 1366, height: 800 };
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

const slug = (pagePath: string) => (pagePath === "/" ? "overview" : pagePath.slice(1).replaceAll("/", "-"));

async function signIn(page: Page) {
  await page.goto("/signin");
  await submitSignIn(page, USERS.admin.email, E2E_PASSWORD);
  // Attached, not visible: at phone width the sidebar that shows it is folded behind Menu.
  await page.getByTestId("current-role").waitFor({ state: "attached" });
}

/** A served decision's id; records reach the database a moment after the answer (write-behind ledger). */
async function makeDecisions(page: Page): Promise<string> {
  const headers = { authorization: `Bearer ${E2E_API_KEY}` };
  const served = await page.request.post("/api/v1/chat/completions", { headers, data: { model: "auto", messages: [{ role: "user", content: "Summarise: the printer is out of toner." }] } });
  await page.request.post("/api/v1/chat/completions", { headers, data: { model: "auto", messages: [] } });
  const id = served.headers()["x-switchyard-decision"];
  if (!id) throw new Error(`the gateway answered ${served.status()} without a decision id`);
  for (let attempt = 0; attempt < 60; attempt++) {
    if ((await page.request.get(`/decisions/${id}`)).status() === 200) return id;
    await page.waitForTimeout(250);
  }
  throw new Error(`decision ${id} never reached its page`);
}

async function capture(page: Page, pagePath: string, name: string, outDir: string) {
  await page.goto(pagePath);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  // The live tail keeps a stream open, so the network never goes idle there: wait a bounded time.
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => {});
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true, animations: "disabled" });
}

const USAGE = "usage: capture-console.ts <base URL> <output folder> [--width <px>] [--height <px>]";

/** The two positional arguments and the viewport; a size that is not a positive whole number is refused. */
function parseArgs(args: string[]): { baseURL: string; outDir: string; viewport: { width: number; height: number } } {
  const positional: string[] = [];
  const viewport = { ...DEFAULT_VIEWPORT };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg !== "--width" && arg !== "--height") {
      positional.push(arg);
      continue;
    }
    const value = Number(args[++index]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${arg} needs a size in pixels; ${USAGE}`);
    viewport[arg === "--width" ? "width" : "height"] = value;
  }
  const [baseURL, outDir] = positional;
  if (!baseURL || !outDir || positional.length > 2) throw new Error(USAGE);
  return { baseURL, outDir, viewport };
}

async function main() {
  const { baseURL, outDir, viewport } = parseArgs(process.argv.slice(2));
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL, viewport });
    const page = await context.newPage();
    await signIn(page);
    const decisionId = await makeDecisions(page);
    const pages: [string, string][] = [
      ...Object.values(AREAS).map((area): [string, string] => [area.href, slug(area.href)]),
      ["/decisions/live", "decisions-live"],
      [`/decisions/${decisionId}`, "decision"],
    ];
    for (const theme of THEMES) {
      await page.evaluate((choice) => window.localStorage.setItem("switchyard-theme", choice), theme);
      for (const [pagePath, name] of pages) {
        await capture(page, pagePath, `${name}-${theme}`, outDir);
        console.log(`${name}-${theme}`);
      }
    }
  } finally {
    await browser.close();
  }
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
