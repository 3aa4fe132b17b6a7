import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/users";

// Issue 14, bug 3: the publish bar compares the working configuration with the live version. After
// "Roll back" the edits still in the working tables show as unpublished (they used to read "No
// unpublished changes", so the next unrelated publish shipped them again); an edit undone by hand
// shows nothing to publish; and "Discard draft" returns the working configuration to the live
// version, recorded in the change log. The spec leaves the configuration as it found it.

test.use({ storageState: storageStatePath("engineer") });

const MODEL = "mistral-large";

const bar = (page: Page) => page.getByTestId("publish-bar");

async function liveVersion(page: Page): Promise<number> {
  const text = await bar(page).getByText(/Live: policy v\d+/).textContent();
  return Number(/v(\d+)/.exec(text ?? "")![1]);
}

async function editModel(page: Page, change: (form: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.goto("/models");
  await page.getByTestId(`model-${MODEL}`).getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: `Edit ${MODEL}` });
  await change(form);
  await form.getByRole("button", { name: "Save model" }).click();
  await expect(form).toBeHidden();
}

test("after a roll back the bar shows the edits that differ from the live version, and Discard draft removes them", async ({ page }) => {
  await page.goto("/versions");
  await expect(bar(page).getByTestId("unpublished-count")).toHaveText(/^No unpublished changes/);
  const before = await liveVersion(page);

  await editModel(page, async (form) => void (await form.getByLabel("Tier", { exact: true }).selectOption({ label: "Closed frontier" })));
  await expect(page.getByTestId("tier-frontier").getByTestId(`model-${MODEL}`)).toBeVisible();
  await expect(bar(page).getByTestId("unpublished-count")).toHaveText(`1 unpublished change against v${before}`);
  await bar(page).getByLabel("Publish note").fill("e2e: move mistral-large to frontier");
  await bar(page).getByRole("button", { name: "Publish" }).click();
  await expect(bar(page).getByRole("status")).toContainText(`Published version ${before + 1}`);
  await expect(bar(page).getByTestId("unpublished-count")).toHaveText(/^No unpublished changes/);

  await page.goto("/versions");
  await page.getByRole("button", { name: `Roll back to version ${before}` }).first().click();
  const confirm = page.getByRole("form", { name: `Roll back to version ${before}` });
  await confirm.getByRole("button", { name: `Publish v${before} again` }).click();
  await expect(confirm).toBeHidden();
  await page.reload();
  // The move is still in the working tables but not live: it must show as waiting.
  await expect(bar(page).getByText(`Live: policy v${before + 2}`)).toBeVisible();
  await expect(bar(page).getByTestId("unpublished-count")).toHaveText(`1 unpublished change against v${before + 2}`);

  await bar(page).getByRole("button", { name: "Discard draft…" }).click();
  await bar(page).getByRole("group", { name: "Confirm discarding the draft" }).getByRole("button", { name: "Discard draft" }).click();
  await expect(bar(page).getByRole("status")).toContainText(`the working configuration is live version ${before + 2} again`);
  await expect(bar(page).getByTestId("unpublished-count")).toHaveText(/^No unpublished changes/);
  await page.goto("/models");
  await expect(page.getByTestId("tier-hosted-open").getByTestId(`model-${MODEL}`)).toBeVisible();

  // Recorded: who discarded, back to which version, and the model's own restore.
  await page.goto("/changes?entity=draft");
  await expect(page.getByRole("row", { name: /engineer@switchyard\.local.*draft.*discard/ }).first()).toBeVisible();
  await page.goto("/changes?entity=model");
  await expect(page.getByRole("row", { name: new RegExp(`${MODEL}.*Discarded the draft: back to live version ${before + 2}`) }).first()).toBeVisible();
});

test("an edit undone by hand leaves nothing to publish", async ({ page }) => {
  let priority = "";
  await editModel(page, async (form) => {
    const field = form.getByLabel("Priority (lower first)");
    priority = await field.inputValue();
    await field.fill("977");
  });
  await expect(bar(page).getByTestId("unpublished-count")).toHaveText(/^1 unpublished change/);
  await editModel(page, async (form) => form.getByLabel("Priority (lower first)").fill(priority));
  await expect(bar(page).getByTestId("unpublished-count")).toHaveText(/^No unpublished changes/);
  await expect(bar(page).getByRole("button", { name: "Publish" })).toHaveCount(0);
});

test.describe("who may discard", () => {
  test.use({ storageState: storageStatePath("finance") });
  test("finance sees no publish bar", async ({ page }) => {
    await page.goto("/costs");
    await expect(page.getByTestId("publish-bar")).toHaveCount(0);
  });
});
