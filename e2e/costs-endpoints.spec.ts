import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStatePath } from "./support/users";
import { ensureSyntheticTraffic } from "./support/synthetic-traffic";

// Finance asks what the coding agents cost: the Costs page splits spend by endpoint (chat
// completions, Anthropic Messages, Responses, native) and every table, chart and CSV export follows
// the endpoint filter. Synthetic traffic from e2e/support/synthetic-traffic.ts (the same for every spec,
// so whichever spec runs first fills the log for all).

/** A CSV export as header → values rows (the exports here have no quoted commas in these columns). */
async function csv(request: APIRequestContext, href: string): Promise<Array<Record<string, string>>> {
  const response = await request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const [header, ...lines] = (await response.text()).trim().split("\r\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [names[i]!, value])));
}

test.describe("costs by endpoint", () => {
  test.use({ storageState: storageStatePath("finance") });
  test.beforeAll(() => ensureSyntheticTraffic());

  test("shows what each endpoint cost, and filters the page and its exports by one", async ({ page }) => {
    await page.goto("/costs?preset=last-30");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "By endpoint" }).click();
    const table = page.getByTestId("table-endpoints");
    await expect(table).toBeInViewport();
    for (const [name, pathText] of [["Chat completions", "/v1/chat/completions"], ["Messages", "/v1/messages"], ["Responses", "/v1/responses"], ["Native", "/api/route"]]) {
      await expect(table.getByRole("row", { name: new RegExp(`^${name} ${pathText}`) })).toBeVisible();
    }

    const all = await csv(page.request, "/api/console/costs/endpoints?preset=last-30");
    const messages = all.find((row) => row["Endpoint key"] === "messages")!;
    expect(Number(messages.Requests)).toBeGreaterThan(0);
    expect(all.reduce((sum, row) => sum + Number(row["Share of cost (%)"]), 0)).toBeCloseTo(100, 1);

    await page.getByLabel("Endpoint", { exact: true }).selectOption({ label: "Messages" });
    await page.getByRole("button", { name: "Apply" }).click();
    // The form sends the preset's days; the range stays the same 30 days.
    await expect(page).toHaveURL(/\/costs\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&endpoint=messages$/);
    await expect(page.getByLabel("Endpoint", { exact: true })).toHaveValue("messages");
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table.locator("tbody tr")).toContainText("Messages");
    await expect(page.getByTestId("cost-kpis")).toContainText(Number(messages.Requests).toLocaleString("en-US"));

    // Every export link carries the filter, and the exported rows add up to the Messages row alone.
    const featureTierHref = await page.getByRole("link", { name: "Download CSV: Cost by feature and tier" }).getAttribute("href");
    expect(featureTierHref).toMatch(/^\/api\/console\/costs\/feature-tier\?from=[\d-]+&to=[\d-]+&endpoint=messages$/);
    const byFeature = await csv(page.request, featureTierHref!);
    expect(byFeature.reduce((sum, row) => sum + Number(row.Requests), 0)).toBe(Number(messages.Requests));
    expect(byFeature.reduce((sum, row) => sum + Number(row["Cost (USD)"]), 0)).toBeCloseTo(Number(messages["Cost (USD)"]), 4);
    const spendHref = await page.getByRole("link", { name: "Download CSV: Spend over time" }).getAttribute("href");
    const spend = await csv(page.request, spendHref!);
    expect(spend.reduce((sum, row) => sum + Number(row.Requests), 0)).toBe(Number(messages.Requests));
    const filtered = await csv(page.request, (await page.getByRole("link", { name: "Download CSV: Cost by endpoint" }).getAttribute("href"))!);
    expect(filtered).toEqual([{ ...messages, "Share of cost (%)": "100" }]);

    // A shared link keeps the endpoint; Reset drops it.
    await page.getByRole("link", { name: "Reset" }).click();
    await expect(page).toHaveURL(/\/costs$/);
    await expect(page.getByLabel("Endpoint", { exact: true })).toHaveValue("");
    await expect(table.locator("tbody tr")).toHaveCount(all.length);
  });

  test("ignores an endpoint it does not know instead of failing", async ({ page }) => {
    const response = await page.goto("/costs?preset=last-7&endpoint=v2.chat");
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel("Endpoint", { exact: true })).toHaveValue("");
    const exported = await page.request.get("/api/console/costs/endpoints?preset=last-7&endpoint=v2.chat");
    expect(exported.status()).toBe(200);
  });
});
