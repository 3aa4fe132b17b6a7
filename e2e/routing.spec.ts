import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/users";

// An engineer edits routing in the browser: adds a rule (the form refuses a blank one), edits,
// disables, reorders and deletes it; the second of two people editing the same rule is told who
// changed it; the difficulty map saves. Every change is undone by the end, so the specs after
// this one see the seeded policy and nothing waiting to be published.

async function addRule(page: Page, key: string, name: string) {
  await page.getByRole("button", { name: "Add rule" }).click();
  const form = page.getByRole("form", { name: "Add a routing rule" });
  await form.getByLabel("Key").fill(key);
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Estimated tokens ≥").fill("50000");
  await form.getByLabel("At least tier").selectOption("frontier");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId(`rule-${key}`)).toBeVisible();
  await expect(form).toHaveCount(0);
}

/** The publish bar's count of unpublished changes: each test leaves it as it found it. */
const unpublished = (page: Page) => page.getByTestId("publish-bar").getByTestId("unpublished-count");

async function deleteRule(page: Page, key: string, name: string) {
  const row = page.getByTestId(`rule-${key}`);
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await row.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(row).toHaveCount(0);
}

test.describe("routing", () => {
  test.use({ storageState: storageStatePath("engineer") });

  test("a rule is added, edited, disabled, moved and deleted; a blank one is refused at its fields", async ({ page }) => {
    await page.goto("/routing");
    const draft = await unpublished(page).innerText();
    await page.getByRole("button", { name: "Add rule" }).click();
    const form = page.getByRole("form", { name: "Add a routing rule" });
    await form.getByRole("button", { name: "Add rule" }).click();
    await expect(form.getByRole("alert")).toContainText("Some fields need attention.");
    await expect(form.getByLabel("Key")).toHaveAttribute("aria-invalid", "true");
    await form.getByRole("button", { name: "Cancel" }).click();

    await addRule(page, "e2e-long-prompts", "Long prompts to frontier");
    const row = page.getByTestId("rule-e2e-long-prompts");
    await expect(row).toContainText("at least tier frontier");

    await row.getByRole("button", { name: "Edit Long prompts to frontier" }).click();
    const edit = page.getByRole("form", { name: "Edit rule e2e-long-prompts" });
    await edit.getByLabel("Name").fill("Very long prompts to frontier");
    await edit.getByRole("button", { name: "Save rule" }).click();
    await expect(edit).toHaveCount(0);
    await expect(row).toContainText("Very long prompts to frontier");

    await row.getByRole("button", { name: "Disable Very long prompts to frontier" }).click();
    await expect(row).toContainText("disabled");
    // Added last; up one place and back again.
    const position = row.locator("td").first();
    const last = await position.innerText();
    await row.getByRole("button", { name: "Move Very long prompts to frontier up" }).click();
    await expect(position).not.toHaveText(last);
    await expect(row.getByRole("button", { name: "Move Very long prompts to frontier up" })).toBeFocused();
    await row.getByRole("button", { name: "Move Very long prompts to frontier down" }).click();
    await expect(position).toHaveText(last);

    await deleteRule(page, "e2e-long-prompts", "Very long prompts to frontier");
    await expect(unpublished(page)).toHaveText(draft);
  });

  test("the second of two saves of one rule is refused with who changed it, and Reload shows the change", async ({ browser }) => {
    const engineer = await browser.newContext({ storageState: storageStatePath("engineer") });
    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    try {
      const first = await engineer.newPage();
      const second = await admin.newPage();
      await first.goto("/routing");
      const draft = await unpublished(first).innerText();
      await addRule(first, "e2e-shared-rule", "Shared rule");
      await second.goto("/routing");
      for (const page of [first, second]) await page.getByTestId("rule-e2e-shared-rule").getByRole("button", { name: "Edit Shared rule" }).click();

      const firstForm = first.getByRole("form", { name: "Edit rule e2e-shared-rule" });
      await firstForm.getByLabel("Name").fill("Shared rule, engineer's name");
      await firstForm.getByRole("button", { name: "Save rule" }).click();
      await expect(first.getByTestId("rule-e2e-shared-rule")).toContainText("Shared rule, engineer's name");

      const secondForm = second.getByRole("form", { name: "Edit rule e2e-shared-rule" });
      await secondForm.getByLabel("Name").fill("Shared rule, admin's name");
      await secondForm.getByRole("button", { name: "Save rule" }).click();
      const alert = secondForm.getByRole("alert");
      await expect(alert).toContainText("changed by engineer@switchyard.local at");
      await alert.getByRole("button", { name: "Reload" }).click();
      await expect(second.getByTestId("rule-e2e-shared-rule")).toContainText("Shared rule, engineer's name");

      await deleteRule(first, "e2e-shared-rule", "Shared rule, engineer's name");
      await expect(unpublished(first)).toHaveText(draft);
    } finally {
      await engineer.close();
      await admin.close();
    }
  });

  test("the difficulty map saves a new tier for a difficulty, and saves back", async ({ page }) => {
    await page.goto("/routing");
    const draft = await unpublished(page).innerText();
    const map = page.getByRole("form", { name: "Difficulty map" });
    const routine = map.getByLabel("Routine");
    const save = map.getByRole("button", { name: "Save map" });
    const seeded = await routine.inputValue();
    await expect(save).toBeDisabled();
    const other = seeded === "hosted-open" ? "local" : "hosted-open";

    await routine.selectOption(other);
    await save.click();
    await expect(save).toBeDisabled();
    await page.reload();
    await expect(routine).toHaveValue(other);

    await routine.selectOption(seeded);
    await save.click();
    await expect(save).toBeDisabled();
    await page.reload();
    await expect(routine).toHaveValue(seeded);
    await expect(unpublished(page)).toHaveText(draft);
  });
});
