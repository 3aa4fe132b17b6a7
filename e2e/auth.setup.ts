import { expect, test as setup } from "@playwright/test";
import { E2E_PASSWORD, USERS, storageStatePath, type E2ERole } from "./support/users";
import { submitSignIn } from "./support/session";

// Sign in once per role through the real form; specs reuse the session cookies.
for (const role of Object.keys(USERS) as E2ERole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/signin");
    await submitSignIn(page, USERS[role].email, E2E_PASSWORD);
    await expect(page.getByTestId("current-role")).toHaveText(role[0]!.toUpperCase() + role.slice(1));
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
