import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_API_KEY, storageStatePath } from "./support/users";
import { openAs } from "./support/session";

test.use({ storageState: storageStatePath("engineer") });

const MODEL = "deepseek-v3";

interface Served {
  tier: string | null;
  model: string | null;
  decision: string | null;
}

/** One real request through the gateway (the seed's simulated providers answer it). */
async function ask(request: APIRequestContext, model: string, difficulty?: string): Promise<Served> {
  const response = await request.post("/api/v1/chat/completions", {
    headers: { authorization: `Bearer ${E2E_API_KEY}`, ...(difficulty ? { "x-switchyard-difficulty": difficulty } : {}) },
    data: { model, messages: [{ role: "user", content: "Summarise: the printer on floor 3 is out of toner again." }] },
  });
  expect(response.status()).toBe(200);
  return { tier: response.headers()["x-switchyard-tier"] ?? null, model: response.headers()["x-switchyard-model"] ?? null, decision: response.headers()["x-switchyard-decision"] ?? null };
}

/** The ledger writes behind the answer: wait until the decision is readable. */
async function recorded(request: APIRequestContext, id: string | null) {
  expect(id).not.toBeNull();
  await expect.poll(async () => (await request.get(`/api/v1/decisions/${id}`, { headers: { authorization: `Bearer ${E2E_API_KEY}` } })).status()).toBe(200);
}

async function editModel(page: Page, tierTestId: string, tierLabel: string, priority: string) {
  await page.goto("/models");
  await page.getByTestId(tierTestId).getByTestId(`model-${MODEL}`).getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: `Edit ${MODEL}` });
  await form.getByLabel("Tier", { exact: true }).selectOption({ label: tierLabel });
  await form.getByLabel("Priority (lower first)").fill(priority);
  await form.getByRole("button", { name: "Save model" }).click();
}

async function publish(page: Page, note: string) {
  const bar = page.getByTestId("publish-bar");
  await bar.getByLabel("Publish note").fill(note);
  await bar.getByRole("button", { name: "Publish" }).click();
  await expect(bar.getByRole("status")).toContainText(/Published version \d+/);
}

test("an engineer moves a model to another tier, sees what it would have done to past traffic, publishes, and the gateway follows the prediction", async ({ page, request }, testInfo) => {
  // Past traffic: requests pinned to deepseek-v3 (hosted-open) and hard requests (frontier, claude-sonnet).
  const pinned: Served[] = [];
  const hard: Served[] = [];
  for (let i = 0; i < 4; i++) pinned.push(await ask(request, MODEL));
  for (let i = 0; i < 4; i++) hard.push(await ask(request, "auto", "hard"));
  expect(pinned.map((served) => served.tier)).toEqual(Array(4).fill("hosted-open"));
  expect(hard.every((served) => served.tier === "frontier" && served.model !== MODEL)).toBe(true);
  const hardModel = hard[0]!.model!;
  await recorded(request, hard.at(-1)!.decision);

  // The draft: deepseek-v3 becomes the first frontier model.
  await editModel(page, "tier-hosted-open", "Closed frontier", "1");
  await expect(page.getByTestId("tier-frontier").getByTestId(`model-${MODEL}`)).toBeVisible();

  // The publish bar leads to What-if with the draft chosen.
  await page.getByTestId("publish-bar").getByRole("link", { name: /What if/ }).click();
  await expect(page).toHaveURL(/\/what-if\?policy=draft/);
  await expect(page.getByLabel("Policy to replay")).toHaveValue("draft");
  await page.getByLabel("Last … days").fill("1");
  await page.getByRole("button", { name: "Run what-if" }).click();

  const result = page.getByRole("region", { name: "What-if result" });
  await expect(result).toBeVisible({ timeout: 30_000 });
  // Tier changes: a share above zero; the cheaper frontier model lowers the cost.
  await expect(result.getByTestId("what-if-changed-tier")).toContainText(/[1-9][\d.]* %/);
  await expect(result.getByTestId("what-if-cost-delta")).toContainText("−$");
  await expect(result.getByTestId("what-if-violations")).toContainText("0");
  const matrix = result.getByTestId("what-if-matrix");
  const tierMove = matrix.getByRole("row").filter({ hasText: `${MODEL} (hosted-open)` }).filter({ hasText: `${MODEL} (frontier)` });
  await expect(tierMove.first()).toBeVisible();
  const modelMove = matrix.getByRole("row").filter({ hasText: `${hardModel} (frontier)` }).filter({ hasText: `${MODEL} (frontier)` });
  await expect(modelMove.first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("what-if.png"), fullPage: true });
  // Examples open the recorded decision.
  const example = result.getByTestId("what-if-examples").getByRole("link").first();
  await expect(example).toHaveAttribute("href", /^\/decisions\/[0-9a-f-]{36}$/);

  // Publish; the next real requests go where the replay said they would.
  await page.goto("/models");
  await publish(page, "deepseek-v3 to frontier, first there");
  await expect.poll(async () => (await ask(request, MODEL)).tier).toBe("frontier");
  expect(await ask(request, "auto", "hard")).toMatchObject({ tier: "frontier", model: MODEL });

  // Leave the configuration as the seed made it for the specs that follow.
  await editModel(page, "tier-frontier", "Hosted open-weight", "10");
  await expect(page.getByTestId("tier-hosted-open").getByTestId(`model-${MODEL}`)).toBeVisible();
  await publish(page, "deepseek-v3 back to hosted-open");
  await expect.poll(async () => (await ask(request, MODEL)).tier).toBe("hosted-open");
});

test("finance may replay (it changes nothing), an auditor may not, and bad input gets a clear answer", async ({ browser, playwright, baseURL }) => {
  const { context: finance, page } = await openAs(browser, "finance", "/what-if");
  await expect(page.getByRole("heading", { name: "What-if" })).toBeVisible();
  await page.getByLabel("Last … days").fill("0");
  await page.getByRole("button", { name: "Run what-if" }).click();
  await expect(page.getByText(/A whole number of days from 1 to \d+/)).toBeVisible();
  const invalid = await page.request.post("/api/console/what-if", { data: { policy: { kind: "draft" }, days: 100_000 } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error.message).toContain("days");
  const missing = await page.request.post("/api/console/what-if", { data: { policy: { kind: "version", number: 99_999 }, days: 1 } });
  expect(missing.status()).toBe(404);
  const badDocument = await page.request.post("/api/console/what-if", { data: { policy: { kind: "document", text: "{ not json" }, days: 1 } });
  expect(badDocument.status()).toBe(400);
  expect((await badDocument.json()).error.code).toBe("invalid_document");
  await finance.close();

  const auditor = await browser.newContext({ storageState: storageStatePath("auditor") });
  const refused = await auditor.request.post("/api/console/what-if", { data: { policy: { kind: "draft" }, days: 1 } });
  expect(refused.status()).toBe(403);
  await auditor.close();
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const signedOut = await anonymous.post("/api/console/what-if", { data: { policy: { kind: "draft" }, days: 1 }, maxRedirects: 0 });
  expect(signedOut.status()).toBe(401);
  await anonymous.dispose();
});
