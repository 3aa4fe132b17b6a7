import { expect, test } from "@playwright/test";
import { submitSignIn } from "./support/session";
import { E2E_PASSWORD, USERS } from "./support/users";

test.describe("signing in", () => {
  test("a signed-out visitor is sent to sign in", async ({ page }) => {
    await page.goto("/models");
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("heading", { name: "Switchyard" })).toBeVisible();
  });

  test("a wrong password gets a clear message and no session", async ({ page }) => {
    await page.goto("/signin");
    await submitSignIn(page, USERS.admin.email, "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an empty form is refused before it is sent", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Enter your email and password.");
  });

  test("the admin signs in and signs out", async ({ page }) => {
    await page.goto("/signin");
    await submitSignIn(page, USERS.admin.email, E2E_PASSWORD);
    await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/models");
    await expect(page).toHaveURL(/\/signin/);
  });
});
