import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageStatePath } from "./support/users";

// The feature and licence forms in the browser: the key follows the name until it is typed in,
// is fixed once the entity exists, a blank name is refused at its field, and an edit is saved.
// Every edit is put back, so the working configuration ends as it started.
test.use({ storageState: storageStatePath("engineer") });

/** Opens a dialog; retried because a click that lands before hydration does nothing. */
async function open(button: Locator, dialog: Locator) {
  await expect(async () => {
    await button.click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

async function checkNewForm(page: Page, add: string, title: string) {
  const dialog = page.getByRole("dialog", { name: title });
  await open(page.getByRole("button", { name: add }), dialog);
  const name = dialog.getByLabel("Name", { exact: true });
  const key = dialog.getByLabel("Key", { exact: true });
  await name.fill("Invoice triage");
  await expect(key).toHaveValue("invoice-triage");
  await key.fill("inv");
  await name.fill("Invoice triage, second pass");
  await expect(key).toHaveValue("inv");
  await name.fill("");
  await dialog.getByRole("button", { name: add }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
}

async function editField(page: Page, entity: string, label: string, value: string, save: string) {
  const dialog = page.getByRole("dialog", { name: `Edit ${entity}` });
  await open(page.getByRole("button", { name: `Edit ${entity.split(": ")[1]}`, exact: true }), dialog);
  await expect(dialog.getByLabel("Key", { exact: true })).toHaveAttribute("readonly", "");
  await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole("button", { name: save }).click();
  await expect(dialog).toBeHidden();
}

test("the feature form: key from the name, a blank name refused, an edit saved and put back", async ({ page }) => {
  await page.goto("/features");
  await checkNewForm(page, "Add feature", "Add a feature");

  const row = page.getByTestId("feature-support-summaries");
  await expect(row).toContainText("Customer Support");
  await editField(page, "feature: Support ticket summaries", "Team", "Customer Care", "Save feature");
  await expect(row).toContainText("Customer Care");
  await editField(page, "feature: Support ticket summaries", "Team", "Customer Support", "Save feature");
  await expect(row).toContainText("Customer Support");
});

test("the licence form: key from the name, a blank name refused, an edit saved and put back", async ({ page }) => {
  await page.goto("/licences");
  await checkNewForm(page, "Add licence", "Add a licence");

  const card = page.locator("[data-testid^='licence-']").first();
  const licenceName = (await card.getByRole("button", { name: /^Edit / }).getAttribute("aria-label"))!.slice("Edit ".length);
  const dialog = page.getByRole("dialog", { name: `Edit licence: ${licenceName}` });
  await open(card.getByRole("button", { name: /^Edit / }), dialog);
  const family = dialog.getByLabel("Model family", { exact: true });
  const before = await family.inputValue();
  await family.fill(`${before} (checked)`);
  await dialog.getByRole("button", { name: "Save licence" }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText(`${before} (checked)`);

  await open(card.getByRole("button", { name: /^Edit / }), dialog);
  await dialog.getByLabel("Model family", { exact: true }).fill(before);
  await dialog.getByRole("button", { name: "Save licence" }).click();
  await expect(dialog).toBeHidden();
  await expect(card).not.toContainText("(checked)");
});
