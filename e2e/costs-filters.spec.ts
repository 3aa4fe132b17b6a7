import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

// Issue 14, bug 1 and the shared time range on Costs: after a preset the From/To fields show the
// preset's range (they kept the old one, and the next Apply silently reverted to it — when the
// page was reached from the sidebar); ranges have hour precision; the viewer's time zone is used
// and kept in the URL.

test.use({ storageState: storageStatePath("finance") });

const iso = (date: Date) => date.toISOString().slice(0, 10);
const lastMonth = () => {
  const now = new Date();
  return { from: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))), to: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))) };
};

test("a preset reached from the sidebar fills From/To, and Apply keeps that range", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Costs", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
  const from = page.getByLabel("From (UTC day)");
  const to = page.getByLabel("To (UTC day)");
  await expect(from).not.toHaveValue("");

  await page.getByRole("navigation", { name: "Date range presets" }).getByRole("link", { name: "Last month" }).click();
  await expect(page).toHaveURL(/\/costs\?preset=last-month$/);
  const month = lastMonth();
  await expect(from).toHaveValue(month.from);
  await expect(to).toHaveValue(month.to);

  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/costs\\?from=${month.from}&to=${month.to}$`));
  await expect(from).toHaveValue(month.from);
  await expect(to).toHaveValue(month.to);
});

test("Reset clears a range typed but not applied", async ({ page }) => {
  await page.goto("/costs");
  const from = page.getByLabel("From (UTC day)");
  const shown = await from.inputValue();
  await from.fill("2020-01-01");
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(from).toHaveValue(shown);
});

test("ranges have hour precision", async ({ page }) => {
  await page.goto("/costs?preset=last-7");
  const day = await page.getByLabel("To (UTC day)").inputValue();
  await page.getByLabel("From (UTC day)").fill(day);
  await page.getByLabel("From hour").selectOption("9");
  await page.getByLabel("To hour").selectOption("16");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/costs\\?from=${day}T09&to=${day}T16$`));
  await expect(page.getByTestId("cost-range")).toContainText("09:00 –");
  await expect(page.getByTestId("cost-range")).toContainText("17:00");
  await expect(page.getByLabel("From hour")).toHaveValue("9");

  // The last hour, as a preset.
  await page.getByRole("navigation", { name: "Date range presets" }).getByRole("link", { name: "Last hour" }).click();
  await expect(page).toHaveURL(/preset=last-hour/);
  await expect(page.getByTestId("cost-range")).toContainText(":00 –");
});

test.describe("in the viewer's time zone", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("the zone is taken from the browser, kept in the URL and in every link", async ({ page }) => {
    await page.goto("/costs?preset=mtd");
    await expect(page).toHaveURL(/preset=mtd&tz=Asia%2FTokyo$/);
    await expect(page.getByLabel("From (Tokyo day)")).toBeVisible();
    await expect(page.getByTestId("cost-range")).toContainText("Asia/Tokyo");
    await expect(page.getByRole("navigation", { name: "Date range presets" }).getByRole("link", { name: "Last 7 days" })).toHaveAttribute("href", /tz=Asia%2FTokyo/);
    const tokyoToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
    await expect(page.getByLabel("To (Tokyo day)")).toHaveValue(tokyoToday);
  });
});
