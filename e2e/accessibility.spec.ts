import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { AREAS } from "@/lib/auth/roles";
import { E2E_API_KEY, storageStatePath } from "./support/users";

// Every console page as admin, light and dark, at laptop width and on a phone (390×844, where
// tables overflow their cards): axe (WCAG 2 A/AA rules, colour contrast and keyboard-reachable
// scroll regions among them) finds no serious or critical violation, the page itself is never
// wider than the phone, and a screenshot of each is kept under the output folder to look at.
// This spec runs first on a fresh database, so it makes the states it checks itself: a revoked
// app key (its row once failed contrast). Then the phone menu, the skip link, the theme toggle
// and a dialog's first focus.

// Every page of the sidebar, so a new one is checked without editing this list.
const PAGES = Object.values(AREAS).map((area) => area.href);
const THEMES = ["light", "dark"] as const;
const shots = process.env.E2E_OUTPUT_DIR ?? "test-results";

test.use({ storageState: storageStatePath("admin") });

async function openIn(page: Page, path: string, theme: (typeof THEMES)[number]) {
  await page.addInitScript((choice) => window.localStorage.setItem("switchyard-theme", choice), theme);
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

const REVOKED_KEY = "Revoked for the accessibility check";

/**
 * A key created and revoked through the console, as an admin would. It stays revoked (a key cannot
 * be un-revoked); no later spec counts keys, and the gateway refuses it like any revoked key.
 */
async function addRevokedKey(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStatePath("admin") });
  const page = await context.newPage();
  try {
    await page.goto("/api-keys");
    if ((await page.getByTestId(/^api-key-/).filter({ hasText: REVOKED_KEY }).count()) > 0) return;
    const create = page.getByRole("dialog", { name: "Create an app key" });
    await expect(async () => {
      await page.getByRole("button", { name: "Create key" }).click();
      await expect(create).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await create.getByLabel("Name").fill(REVOKED_KEY);
    await create.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByRole("dialog", { name: /^Key created: sy_/ });
    await shown.getByRole("button", { name: "I have stored it" }).click();
    const revoke = page.getByRole("dialog", { name: `Revoke “${REVOKED_KEY}”?` });
    await expect(async () => {
      await page.getByRole("button", { name: `Revoke ${REVOKED_KEY}` }).click();
      await expect(revoke).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await revoke.getByRole("button", { name: "Revoke key" }).click();
    await expect(page.getByTestId(/^api-key-/).filter({ hasText: REVOKED_KEY })).toContainText("revoked");
  } finally {
    await context.close();
  }
}

test.beforeAll(async ({ browser }) => addRevokedKey(browser));

/**
 * To phone size, once the scroll regions have re-measured: a region turns focusable when its
 * content starts to overflow, a moment after the resize (components/ui/scroll-region.tsx).
 */
async function toPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>("[role=region]")).filter((region) => region.scrollWidth > region.clientWidth && region.tabIndex !== 0).length))
    .toBe(0);
}

async function expectNoSeriousViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, help: violation.help, nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1).join(" ")}`) }));
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

const slug = (path: string) => (path === "/" ? "overview" : path.slice(1).replaceAll("/", "-"));

for (const theme of THEMES) {
  for (const path of PAGES) {
    test(`${path} in ${theme}: no serious or critical axe violation, on a laptop and a phone`, async ({ page }) => {
      await openIn(page, path, theme);
      if (path === AREAS.apiKeys.href) await expect(page.getByTestId(/^api-key-/).filter({ hasText: REVOKED_KEY })).toContainText("revoked");
      await expectNoSeriousViolation(page);
      await page.screenshot({ path: `${shots}/screens/${slug(path)}-${theme}-1366.png`, fullPage: true });
      await toPhone(page);
      await expectNoSeriousViolation(page);
      // Wide content scrolls inside its own box; nothing makes the page wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${shots}/screens/${slug(path)}-${theme}-390.png`, fullPage: true });
    });
  }
}

// A decision's own page is reached from the log, not the sidebar: one of each kind — served, and
// refused before routing (its layout differs) — in both themes.
for (const theme of THEMES) {
  test(`a decision's page in ${theme}: no serious or critical axe violation`, async ({ page, request }) => {
    const served = await request.post("/api/v1/chat/completions", { headers: { authorization: `Bearer ${E2E_API_KEY}` }, data: { model: "auto", messages: [{ role: "user", content: "Summarise: the printer is out of toner." }] } });
    const refused = await request.post("/api/v1/chat/completions", { headers: { authorization: `Bearer ${E2E_API_KEY}` }, data: { model: "auto", messages: [] } });
    for (const [kind, response] of [["served", served], ["refused", refused]] as const) {
      const id = response.headers()["x-switchyard-decision"];
      expect(id, `${kind} request answered ${response.status()}`).toBeTruthy();
      // Records reach the database a moment after the answer (the write-behind ledger).
      await expect.poll(async () => (await request.get(`/decisions/${id}`)).status(), { timeout: 15_000 }).toBe(200);
      await page.setViewportSize({ width: 1366, height: 800 });
      await openIn(page, `/decisions/${id}`, theme);
      await expectNoSeriousViolation(page);
      await page.screenshot({ path: `${shots}/screens/decision-${kind}-${theme}-1366.png`, fullPage: true });
      await toPhone(page);
      await expectNoSeriousViolation(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${shots}/screens/decision-${kind}-${theme}-390.png`, fullPage: true });
    }
  });
}

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the sidebar is a drawer behind Menu; content takes the full width; tables scroll inside their card", async ({ page }) => {
    await page.goto("/decisions");
    const nav = page.getByRole("navigation", { name: "Console" });
    await expect(nav).toBeHidden();
    const main = page.locator("main#content");
    const box = await main.boundingBox();
    expect(box!.width).toBe(390);
    // Nothing makes the page itself wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(nav).toBeVisible();
    // The drawer takes the keyboard: its first link has focus, Tab stays inside it, and closing
    // hands focus back to Menu.
    await expect(nav.getByRole("link").first()).toBeFocused();
    const focusInDrawer = () => page.evaluate(() => document.getElementById("console-sidebar")!.contains(document.activeElement));
    // Back past the logo and Close menu (the drawer's first control), round to its last one.
    for (let step = 0; step < 3; step++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusInDrawer()).toBe(true);
    }
    await expect(page.getByRole("button", { name: "Close menu" })).not.toBeFocused();
    // And forward from the last one, round to the first.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Close menu" })).toBeFocused();
    await page.screenshot({ path: `${shots}/screens/phone-menu-open.png` });
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(nav.getByRole("link").first()).toBeFocused();
    await page.getByRole("button", { name: "Close menu" }).click();
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await nav.getByRole("link", { name: "Costs", exact: true }).click();
    await expect(page).toHaveURL(/\/costs/);
    await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
    await expect(nav).toBeHidden();
  });

  test("a table wider than the phone is a named region that Tab reaches and the arrow keys scroll", async ({ page }) => {
    // Traffic for the table to show (alone, this spec may run on an empty log); rollups follow the
    // write-behind ledger, so the page is reloaded until the table is there.
    const served = await page.request.post("/api/v1/chat/completions", { headers: { authorization: `Bearer ${E2E_API_KEY}` }, data: { model: "auto", messages: [{ role: "user", content: "Summarise: the lift is out of order." }] } });
    expect(served.status()).toBe(200);
    const region = page.getByRole("region", { name: "Cost by feature and tier" });
    await expect(async () => {
      await page.goto("/costs");
      await expect(region).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(region).toHaveAttribute("tabindex", "0");
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((node) => node.scrollLeft)).toBeGreaterThan(0);
  });
});

test("Skip to content is the first thing Tab reaches and moves focus to the page", async ({ page }) => {
  await page.goto("/costs");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#content")).toBeFocused();
});

test("the theme toggle switches light / dark / system and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  const toggle = page.getByRole("radiogroup", { name: "Theme" });
  await toggle.getByRole("radio", { name: "Dark" }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(toggle.getByRole("radio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  // System follows the OS.
  await toggle.getByRole("radio", { name: "System" }).click();
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
});

test("a dialog focuses its first field, not the close button", async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem("switchyard-theme", "dark"));
  await page.goto("/features");
  const row = page.getByTestId("feature-research-notebook");
  const dialog = page.getByRole("dialog", { name: "Edit feature: Research notebook" });
  await expect(async () => {
    await row.getByRole("button", { name: "Edit Research notebook" }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.screenshot({ path: `${shots}/screens/dialog-dark.png` });
});
