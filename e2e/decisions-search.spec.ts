import { expect, test } from "@playwright/test";
import { E2E_API_KEY, storageStatePath } from "./support/users";
import { ensureSyntheticTraffic } from "./support/synthetic-traffic";

// Issue 14 on Decisions: Clear really clears (bug 2); the shared time range; a result count;
// grouping; CSV and JSON export of the current search; back to the search from a decision;
// search by the start of an id; and a record refused before routing says which field (bug 4).

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

test.beforeAll(() => ensureSyntheticTraffic());
test.use({ storageState: storageStatePath("auditor") });

test("Clear empties every field, so the next Search does not re-apply the old one", async ({ page }) => {
  await page.goto("/decisions");
  const search = page.getByRole("search", { name: "Search decisions" });
  await search.getByLabel("Feature").selectOption("support-summaries");
  await search.getByLabel("Status").selectOption("refused");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/feature=support-summaries&status=refused/);

  await search.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/decisions$/);
  await expect(search.getByLabel("Feature")).toHaveValue("");
  await expect(search.getByLabel("Status")).toHaveValue("");
  // A choice made but not searched is cleared too.
  await search.getByLabel("Status").selectOption("error");
  await search.getByRole("link", { name: "Clear" }).click();
  await expect(search.getByLabel("Status")).toHaveValue("");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/decisions$/);
});

test("counts, groups and exports the current search, and a decision links back to it", async ({ page }) => {
  const day = yesterday();
  await page.goto(`/decisions?from=${day}&to=${day}&status=refused`);
  const count = page.getByTestId("result-count");
  await expect(count).toHaveText(/^[\d,]+ decisions? match$/);
  const matched = Number((await count.textContent())!.replace(/[^\d]/g, ""));
  expect(matched).toBeGreaterThan(0);

  await page.getByRole("navigation", { name: "Group by" }).getByRole("link", { name: "Constraint" }).click();
  await expect(page).toHaveURL(/group=constraint/);
  const groups = page.getByTestId("decision-groups");
  await expect(groups.getByRole("heading", { name: "Grouped by constraint" })).toBeVisible();
  const groupTotal = (await groups.locator("tbody tr td:nth-child(2)").allTextContents()).reduce((sum, text) => sum + Number(text.replace(/,/g, "")), 0);
  expect(groupTotal).toBe(matched);

  const csvHref = await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
  expect(csvHref).toBe(`/api/console/decisions/export?format=csv&from=${day}&to=${day}&status=refused`);
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^id,createdAt,endpoint,feature,/);
  expect(lines).toHaveLength(matched + 1);
  expect(lines.slice(1).every((line) => line.includes(",refused,"))).toBe(true);
  const json = await page.request.get(csvHref!.replace("format=csv", "format=json"));
  const rows = (await json.json()) as Array<{ id: string; status: string }>;
  expect(rows).toHaveLength(matched);
  expect(new Set(rows.map((row) => row.status))).toEqual(new Set(["refused"]));

  // Open the first decision and come back to exactly this view.
  const here = page.url();
  await page.getByTestId("decisions-table").getByRole("link", { name: /^Decision / }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Decision" })).toBeVisible();
  await page.getByRole("link", { name: "← Back to the search" }).click();
  await expect(page).toHaveURL(here);
  await expect(page.getByTestId("decision-groups")).toBeVisible();
});

test("finds decisions by the start of their id, and by a relative time range", async ({ page }) => {
  await page.goto("/decisions");
  const label = await page.getByTestId("decisions-table").getByRole("link", { name: /^Decision / }).first().getAttribute("aria-label");
  const id = label!.replace("Decision ", "");
  await page.getByLabel("Decision id").fill(id.slice(0, 13));
  await page.getByLabel("Decision id").press("Enter");
  await expect(page).toHaveURL(new RegExp(`idPrefix=${id.slice(0, 8)}${id.slice(9, 13)}`));
  await expect(page.getByTestId(`decision-${id}`)).toBeVisible();
  await expect(page.getByLabel("Id starts with")).toHaveValue(`${id.slice(0, 8)}${id.slice(9, 13)}`);

  await page.goto("/decisions");
  await page.getByRole("navigation", { name: "Date range presets" }).getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/\/decisions\?preset=last-7$/);
  await expect(page.getByTestId("range-words")).toContainText("–");
  await expect(page.getByLabel("From (UTC day)")).toHaveValue(new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10));
});

test("exports are for readers of the decision log only", async ({ browser, playwright, baseURL }) => {
  const finance = await browser.newContext({ storageState: storageStatePath("finance") });
  expect((await finance.request.get("/api/console/decisions/export?format=csv")).status()).toBe(403);
  await finance.close();
  // No cookies: the file's auditor session must not ride along.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await anonymous.get("/api/console/decisions/export?format=json", { maxRedirects: 0 });
  expect([307, 401]).toContain(response.status());
  await anonymous.dispose();
});

test("a request refused before routing says which field was wrong, and is counted as malformed", async ({ page, request }) => {
  const response = await request.post("/api/v1/chat/completions", {
    headers: { authorization: `Bearer ${E2E_API_KEY}`, "content-type": "application/json" },
    data: { model: "auto", messages: [{ role: "wizard", content: "hi" }] },
  });
  expect(response.status()).toBe(400);
  const id = response.headers()["x-switchyard-decision"];
  expect(id).toBeTruthy();
  await expect.poll(async () => (await page.goto(`/decisions/${id}`))?.status(), { timeout: 15_000 }).toBe(200);
  const card = page.getByTestId("not-routed");
  await expect(card.getByRole("heading", { name: "Malformed request: not routed" })).toBeVisible();
  await expect(card.getByTestId("field-at-fault")).toHaveText("messages.0.role");
  await expect(page.getByText("No model was rejected.")).toHaveCount(0);
  await expect(page.getByText(/every model was rejected/)).toHaveCount(0);
});
