import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { E2E_API_KEY, type E2ERole } from "./support/users";
import { openAs } from "./support/session";

// The overview per role: each role sees its own cards (admins all), each card opens its page; on a
// database where nothing has been served yet the overview shows the base URL, a call to paste and
// a setup checklist, and after the first call that view is gone.

test.describe.configure({ mode: "serial" });

async function decisionRecordCount(): Promise<number> {
  const url = readFileSync(path.join(process.env.E2E_OUTPUT_DIR ?? "test-results", ".e2e-database-url"), "utf8").trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM "DecisionRecord"');
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

const overviewAs = (browser: Browser, role: E2ERole) => openAs(browser, role, "/");

test("nothing served yet: the base URL, a copy-paste call and the setup checklist; gone after the first call", async ({ browser, baseURL, request }) => {
  const { page, context } = await overviewAs(browser, "engineer");
  const newcomer = page.getByTestId("overview-newcomer");
  // Run alone (or first) the database is fresh; after other specs have sent traffic it is not, and the overview must say so too.
  if ((await decisionRecordCount()) === 0) {
    await expect(newcomer).toBeVisible();
    await expect(newcomer.getByTestId("base-url")).toHaveText(`${baseURL}/api/v1`);
    await expect(newcomer.locator("pre").first()).toContainText(`curl ${baseURL}/api/v1/chat/completions`);
    await expect(newcomer.locator("pre").nth(1)).toContainText(`baseURL: "${baseURL}/api/v1"`);
    const checklist = newcomer.getByTestId("setup-checklist");
    for (const step of ["Connect a provider", "Enable models in tiers", "Create an app key", "Publish a policy"]) await expect(checklist.getByRole("link", { name: step })).toBeVisible();
    // The seed has keys, models and a policy, and only simulated providers.
    await expect(checklist).toContainText("Only simulators so far");
    await expect(checklist.getByRole("listitem").filter({ hasText: "Publish a policy" })).toContainText("done");
  } else {
    await expect(newcomer).toHaveCount(0);
  }
  const answer = await request.post("/api/v1/chat/completions", { headers: { authorization: `Bearer ${E2E_API_KEY}` }, data: { model: "auto", messages: [{ role: "user", content: "Say hello" }] } });
  expect(answer.status()).toBe(200);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("overview-newcomer")).toHaveCount(0, { timeout: 1_000 });
    await expect(page.getByTestId("card-requests")).not.toContainText(/^Requests0/, { timeout: 1_000 });
  }).toPass();
  await context.close();
});

const SECTIONS = { engineering: "overview-engineering", finance: "overview-finance", audit: "overview-audit" } as const;
const EXPECTED: Record<E2ERole, Array<keyof typeof SECTIONS>> = {
  admin: ["engineering", "finance", "audit"],
  engineer: ["engineering"],
  finance: ["finance"],
  auditor: ["audit"],
};

for (const role of Object.keys(EXPECTED) as E2ERole[]) {
  test(`${role} sees ${EXPECTED[role].join(", ")} on the overview and nothing else`, async ({ browser }) => {
    const { page, context } = await overviewAs(browser, role);
    for (const [section, testId] of Object.entries(SECTIONS)) {
      if (EXPECTED[role].includes(section as keyof typeof SECTIONS)) await expect(page.getByTestId(testId)).toBeVisible();
      else await expect(page.getByTestId(testId)).toHaveCount(0);
    }
    await context.close();
  });
}

test("engineers read traffic and provider health; the cards open their pages", async ({ browser }) => {
  const { page, context } = await overviewAs(browser, "engineer");
  const section = page.getByTestId("overview-engineering");
  for (const card of ["card-requests", "card-error-rate", "card-refusal-rate", "card-p50", "card-p95", "card-fallbacks"]) await expect(section.getByTestId(card)).toBeVisible();
  await expect(section.getByTestId("card-requests")).toContainText(/Requests[1-9]/);
  await expect(section.getByTestId("card-p50")).toContainText(/\d+ (ms|s)/);
  // The request above went through a simulator: its circuit is closed and it has been called.
  await expect(section.getByTestId("card-provider-health")).toContainText("Healthy");
  await section.getByTestId("card-refusal-rate").click();
  await expect(page).toHaveURL(/\/decisions\?status=refused&preset=last-24h$/);
  await expect(page.getByRole("heading", { level: 1, name: "Decisions" })).toBeVisible();
  await context.close();
});

test("finance reads month-to-date spend and savings, and no projection before day 7", async ({ browser }) => {
  const { page, context } = await overviewAs(browser, "finance");
  const section = page.getByTestId("overview-finance");
  await expect(section.getByTestId("card-mtd-spend")).toContainText(/\$\d/);
  await expect(section.getByTestId("card-savings")).toContainText(/\$\d/);
  const dayOfMonth = new Date().getUTCDate() - 1 + new Date().getUTCHours() / 24;
  if (dayOfMonth < 7) await expect(section.getByTestId("card-budgets")).toContainText("Projections start on day 7");
  else await expect(section.getByTestId("card-budgets")).toContainText(/\d+ of \d+/);
  await section.getByTestId("card-mtd-spend").click();
  await expect(page).toHaveURL(/\/costs\?preset=mtd&tz=UTC$/);
  await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
  await context.close();
});

test("auditors read refusals by constraint and the latest configuration changes", async ({ browser }) => {
  const { page, context } = await overviewAs(browser, "auditor");
  const section = page.getByTestId("overview-audit");
  await expect(section.getByTestId("card-refusals")).toContainText(/refused of [\d,]+ requests, last 7 days/);
  await section.getByTestId("card-recent-changes").getByRole("link", { name: "Recent configuration changes" }).click();
  await expect(page).toHaveURL(/\/changes$/);
  await context.close();
});
