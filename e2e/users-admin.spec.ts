import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";
import { submitSignIn } from "./support/session";

// Admins manage users: a new user signs in with the initial password and the role given;
// the last active admin cannot lock everyone out.
test.use({ storageState: storageStatePath("admin") });

test("an admin adds a user who can then sign in with that role", async ({ page, browser }) => {
  await page.goto("/users");
  const dialog = page.getByRole("dialog", { name: "Add a user" });
  await expect(async () => {
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await dialog.getByLabel("Email").fill("new.auditor@switchyard.local");
  await dialog.getByLabel("Name").fill("Nia Auditor");
  await dialog.getByLabel("Role").selectOption("auditor");
  await dialog.getByLabel("Initial password").fill("too-short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("At least 12 characters.")).toBeVisible();
  await dialog.getByLabel("Initial password").fill("a-long-initial-password");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("user-new.auditor@switchyard.local")).toContainText("Auditor");

  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signIn = await fresh.newPage();
  await signIn.goto("/signin");
  await submitSignIn(signIn, "new.auditor@switchyard.local", "a-long-initial-password");
  await expect(signIn.getByTestId("current-role")).toHaveText("Auditor");
  await fresh.close();
});

test("the last active admin cannot deactivate themself", async ({ page }) => {
  await page.goto("/users");
  const confirm = page.getByRole("dialog", { name: "Deactivate Ada Admin (you)?" });
  await expect(async () => {
    await page.getByRole("button", { name: "Deactivate admin@switchyard.local" }).click();
    await expect(confirm).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await confirm.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(confirm.getByRole("alert")).toContainText("You are the last active admin");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("user-admin@switchyard.local")).toContainText("active");
});
