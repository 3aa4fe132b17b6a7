import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";
import { E2E_API_KEY, storageStatePath } from "./support/users";

// A data rule added in the browser changes the gateway's decision — after Publish, not before.
test.use({ storageState: storageStatePath("engineer") });

const MEMO = "Draft the launch memo for Project Nightjar, due Friday.";

async function dryRunDecision(request: APIRequestContext) {
  const response = await request.post("/api/route", {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: { messages: [{ role: "user", content: MEMO }], feature: "support-summaries", dryRun: true },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).decision as { dataClass: string; tier: string | null; findings: Array<{ type: string; count: number }> };
}

/** Opens a dialog; retried because a click that lands before hydration does nothing. */
async function open(button: Locator, dialog: Locator) {
  await expect(async () => {
    await button.click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

test("a keyword rule added in the browser restricts matching requests once published", async ({ page, request }) => {
  const before = await dryRunDecision(request);
  expect(before.dataClass).toBe("internal");

  await page.goto("/data-rules");
  const dialog = page.getByRole("dialog", { name: "Add a classification rule" });
  await open(page.getByRole("button", { name: "Add rule" }), dialog);
  await dialog.getByLabel("Name").fill("Project Nightjar");
  await expect(dialog.getByLabel("Key", { exact: true })).toHaveValue("project-nightjar");
  await dialog.getByLabel("Keywords", { exact: true }).fill("Project Nightjar");
  await dialog.getByLabel("Raises the request to").selectOption("restricted");
  await dialog.getByRole("button", { name: "Add rule" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("classification-rule-project-nightjar")).toContainText("Restricted");

  // The test box uses the working rules: the new rule counts before anything is published.
  await page.getByLabel("Sample text").fill(MEMO);
  await expect(page.getByTestId("finding-rule:project-nightjar")).toContainText("Project Nightjar");
  await expect(page.getByTestId("test-box-class")).toContainText("Restricted");

  // The gateway serves the published policy: nothing changes until Publish.
  await expect(page.getByTestId("unpublished-count")).toHaveText(/\d+ unpublished changes?/);
  expect((await dryRunDecision(request)).dataClass).toBe("internal");

  await page.locator("#publish-note").fill("Restrict Project Nightjar");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/Published version \d+\. The gateway serves it now\./)).toBeVisible();

  const after = await dryRunDecision(request);
  expect(after.dataClass).toBe("restricted");
  expect(after.tier).toBe("local");
  expect(after.findings).toContainEqual({ type: "rule:project-nightjar", count: 1 });
});

test("a regex RE2 cannot run is refused in the form with the reason, and nothing is saved", async ({ page }) => {
  await page.goto("/data-rules");
  const dialog = page.getByRole("dialog", { name: "Add a classification rule" });
  await open(page.getByRole("button", { name: "Add rule" }), dialog);
  await dialog.getByLabel("Name").fill("Greedy words");
  await dialog.getByLabel("Regular expression").check();
  await dialog.getByLabel("Pattern").fill("(\\w+)\\s\\1");
  await expect(dialog.getByText(/Backreferences .* are not supported/)).toBeVisible();
  await dialog.getByRole("button", { name: "Add rule" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Some fields need attention.");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("classification-rule-greedy-words")).toHaveCount(0);
});

test("a class may not be allowed a tier a less sensitive class may not use", async ({ page }) => {
  await page.goto("/data-rules");
  const dialog = page.getByRole("dialog", { name: "Edit data class: Restricted" });
  await open(page.getByRole("button", { name: "Edit Restricted" }), dialog);
  await dialog.getByLabel(/Closed frontier/).check();
  await dialog.getByRole("button", { name: "Save class" }).click();
  await expect(dialog.getByText(/Restricted would be allowed frontier while the less sensitive Confidential is not/)).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("data-class-restricted")).not.toContainText("frontier");
});
