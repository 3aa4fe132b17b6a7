import { expect, test } from "@playwright/test";
import { E2E_API_KEY, storageStatePath } from "./support/users";
import { ensureSyntheticTraffic } from "./support/synthetic-traffic";

// The auditor's journey — last Tuesday's refused requests for a feature, and why each was
// refused — what auditors may (read Decisions and Changes) and may not (Costs, any edit), and the
// engineer's live tail catching a request as it happens. Synthetic traffic fills the log first.

/** The most recent Tuesday before today (UTC), as YYYY-MM-DD. */
function lastTuesday(): string {
  const today = new Date();
  const back = (today.getUTCDay() - 2 + 7) % 7 || 7;
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back)).toISOString().slice(0, 10);
}

test.beforeAll(() => ensureSyntheticTraffic());

test.describe("auditor", () => {
  test.use({ storageState: storageStatePath("auditor") });

  test("finds last Tuesday's refused requests for a feature and reads why each was refused", async ({ page }) => {
    const tuesday = lastTuesday();
    await page.goto("/decisions");
    const search = page.getByRole("search", { name: "Search decisions" });
    // Typed as soon as the fields show, hydrated or not: the range fields keep a day typed before
    // hydration (e2e/decisions-range-typed-early.spec.ts holds the scripts back to prove it).
    await search.getByLabel("From (UTC day)").fill(tuesday);
    await search.getByLabel("To (UTC day)").fill(tuesday);
    await search.getByLabel("Feature", { exact: true }).selectOption({ label: "Support ticket summaries" });
    await search.getByLabel("Status", { exact: true }).selectOption("refused");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${tuesday}&to=${tuesday}&feature=support-summaries&status=refused`));

    const rows = page.getByTestId("decisions-table").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      await expect(rows.nth(i)).toContainText("refused");
      await expect(rows.nth(i)).toContainText("constraint:");
      await expect(rows.nth(i)).toContainText(`${new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${tuesday}T00:00:00Z`))} `);
    }
    // Read why, for the first few: the constraint, and the router's reasoning in words.
    for (let i = 0; i < Math.min(count, 3); i++) {
      await rows.nth(i).getByRole("link", { name: /^Decision / }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Decision" })).toBeVisible();
      await expect(page.getByTestId("decision-badges")).toContainText("refused");
      await expect(page.getByTestId("refusal-constraint")).toHaveText(/^[a-z_]+$/);
      await expect(page.getByTestId("decision-trace").locator("li").first()).toContainText("Support ticket summaries");
      await expect(page.getByText("Findings (types and counts)")).toBeVisible();
      await page.goBack();
    }
  });

  test("reads Decisions and Changes but not Costs, and can edit nothing", async ({ page }) => {
    await page.goto("/decisions");
    const nav = page.getByRole("navigation", { name: "Console" });
    for (const name of ["Decisions", "Changes", "Policy versions"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Costs", exact: true })).toHaveCount(0);
    expect((await page.goto("/costs"))?.status()).toBe(403);
    expect((await page.request.get("/api/console/costs/budgets")).status()).toBe(403);

    const editing = /^(edit|save|delete|publish|create|revoke|add|roll back)/i;
    for (const url of ["/decisions", "/changes"]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: editing })).toHaveCount(0);
    }
    await page.goto("/decisions");
    await page.getByTestId("decisions-table").getByRole("link", { name: /^Decision / }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Decision" })).toBeVisible();
    await expect(page.getByRole("button", { name: editing })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Version \d+$/ })).toHaveAttribute("href", /^\/versions\?a=\d+$/);
  });

  test("pages through the log by keyset and comes back", async ({ page }) => {
    await page.goto("/decisions");
    const firstRow = page.getByTestId("decisions-table").locator("tbody tr").first();
    const newest = await firstRow.getAttribute("data-testid");
    await page.getByRole("link", { name: "Older →" }).click();
    await expect(page).toHaveURL(/after=\d+\.[0-9a-f-]{36}/);
    await expect(firstRow).not.toHaveAttribute("data-testid", newest!);
    await page.getByRole("link", { name: "← Newer" }).click();
    await expect(firstRow).toHaveAttribute("data-testid", newest!);
  });
});

test.describe("engineer", () => {
  test.use({ storageState: storageStatePath("engineer") });

  test("watches a request arrive in the live tail, and opens it", async ({ page }) => {
    await page.goto("/decisions/live");
    await expect(page.getByTestId("tail-status")).toContainText("Refreshing every");
    const answer = await page.request.post("/api/v1/chat/completions", {
      headers: { authorization: `Bearer ${E2E_API_KEY}`, "x-switchyard-feature": "support-summaries" },
      data: { model: "auto", messages: [{ role: "user", content: "Summarise: the printer on floor 3 is jammed again." }] },
    });
    expect(answer.status()).toBe(200);
    const id = answer.headers()["x-switchyard-decision"]!;
    const row = page.getByTestId(`decision-${id}`);
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row).toContainText("support-summaries");
    await row.getByRole("link", { name: `Decision ${id}` }).click();
    await expect(page).toHaveURL(`/decisions/${id}`);
    await expect(page.getByTestId("decision-trace")).toContainText("Served by");
  });

  test("shows a dry run with its badge", async ({ page }) => {
    const response = await page.request.post("/api/route", {
      headers: { authorization: `Bearer ${E2E_API_KEY}` },
      data: { messages: [{ role: "user", content: "Refund card 4242 4242 4242 4242" }], feature: "support-summaries", dryRun: true },
    });
    expect(response.status()).toBe(200);
    const { id } = (await response.json()) as { id: string };
    // The record is written behind the answer: retry until it is there.
    await expect(async () => {
      expect((await page.goto(`/decisions/${id}`))?.status()).toBe(200);
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId("decision-badges")).toContainText("Dry run");
    await expect(page.getByTestId("findings")).toContainText("payment_card × 1");
    await expect(page.getByTestId("decision-trace")).toContainText("Dry run: no model was called");
  });
});
