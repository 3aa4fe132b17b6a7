import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";
import { openAs } from "./support/session";
import { ensureSyntheticTraffic } from "./support/synthetic-traffic";

// Finance's question — "what did each feature cost last month, on which tiers, and what did
// routing save us?" — in two clicks from anywhere in the console, exported as CSV; and what
// finance may not open. The log is filled with synthetic traffic first (65 days, so last month is
// complete), through the generator's CLI against the web server's own database.

const lastMonth = () => {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10), name: new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(first) };
};

test.describe("finance", () => {
  test.use({ storageState: storageStatePath("finance") });
  test.beforeAll(() => ensureSyntheticTraffic());

  test("answers what each feature cost last month, on which tiers, and what routing saved — in two clicks, and exports it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Costs", exact: true }).click(); // click 1
    await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
    await page.getByRole("navigation", { name: "Date range presets" }).getByRole("link", { name: "Last month" }).click(); // click 2
    await expect(page).toHaveURL(/\/costs\?preset=last-month$/);
    const month = lastMonth();
    await expect(page.getByTestId("cost-range")).toContainText(month.name);

    const table = page.getByTestId("table-feature-tier");
    await expect(table.getByRole("row", { name: /Support ticket summaries/ }).first()).toBeVisible();
    for (const tier of ["Local open-weight", "Hosted open-weight", "Closed frontier"]) await expect(table.getByRole("cell", { name: tier }).first()).toBeVisible();
    const kpis = page.getByTestId("cost-kpis");
    await expect(kpis).toContainText("Savings");
    await expect(page.getByTestId("savings-total")).toHaveText(/^\$[1-9][\d,]*\.\d\d$/);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV: Cost by feature and tier" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`switchyard-costs-feature-tier-${month.from}_to_${month.to}.csv`);
    const csv = readFileSync((await file.path())!, "utf8");
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header).toBe("Feature,Feature key,Team,Tier,Requests,Input tokens,Output tokens,Cost (USD),Baseline (USD),Savings (USD),Savings share (%),Unpriced requests");
    expect(rows.some((row) => row.startsWith("Support ticket summaries,support-summaries,Customer Support,Local open-weight,"))).toBe(true);
    // The export has exactly the rows the page shows.
    expect(rows).toHaveLength(await table.locator("tbody tr").count());
  });

  test("keeps filters in the URL, so a filtered view can be shared", async ({ page, browser }) => {
    await page.goto("/costs?preset=last-30");
    await page.getByLabel("Feature", { exact: true }).selectOption({ label: "Code assistant" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/feature=code-assist/);
    const rows = page.getByTestId("table-feature-tier").locator("tbody tr");
    await expect(rows.first()).toContainText("Code assistant");
    await expect(page.getByTestId("table-feature-tier")).not.toContainText("Support ticket summaries");

    const { context: shared, page: other } = await openAs(browser, "finance", page.url());
    await expect(other.getByLabel("Feature", { exact: true })).toHaveValue("code-assist");
    await expect(other.getByTestId("table-feature-tier")).not.toContainText("Support ticket summaries");
    await shared.close();

    await page.getByRole("navigation", { name: "Spend granularity" }).getByRole("link", { name: "week" }).click();
    await expect(page).toHaveURL(/grain=week/);
    await expect(page).toHaveURL(/feature=code-assist/);
  });

  test("tries another volume in the break-even calculator", async ({ page }) => {
    await page.goto("/costs?preset=last-30#break-even");
    const calculator = page.getByTestId("break-even-calculator");
    await calculator.getByLabel("Local tokens per month").fill("500");
    await expect(calculator).toContainText("boxes at");
    await expect(calculator.getByRole("button", { name: "Back to the actual volume" })).toBeVisible();
  });

  test("sees Costs only: no Decisions, Changes or configuration, in the menu or by URL", async ({ page }) => {
    await page.goto("/costs");
    const nav = page.getByRole("navigation", { name: "Console" });
    await expect(nav.getByRole("link", { name: "Costs", exact: true })).toBeVisible();
    for (const name of ["Decisions", "Changes", "Policy versions", "Models & tiers", "Routing", "API keys"]) await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
    for (const url of ["/decisions", "/decisions/live", "/changes"]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }
    const tail = await page.request.get("/api/console/decisions/tail");
    expect(tail.status()).toBe(403);
    expect(await tail.json()).toMatchObject({ error: { code: "forbidden" } });
  });
});

test("the Costs export refuses roles without Costs, and signed-out callers", async ({ browser, playwright, baseURL }) => {
  const auditor = await browser.newContext({ storageState: storageStatePath("auditor") });
  expect((await auditor.request.get("/api/console/costs/feature-tier?preset=last-month")).status()).toBe(403);
  await auditor.close();
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get("/api/console/costs/feature-tier?preset=last-month", { maxRedirects: 0 });
  expect([307, 401]).toContain(response.status());
  await anonymous.dispose();
});
