// Opening the console as someone, shared by the specs: a fresh browser context with the session
// auth.setup.ts saved for a role, on a page; and the sign-in form filled in and sent.
import type { Browser, Page } from "@playwright/test";
import { storageStatePath, type E2ERole } from "./users";

/** A new context signed in as `role`, with a page opened at `path`; close the context when done. */
export async function openAs(browser: Browser, role: E2ERole, path: string) {
  const context = await browser.newContext({ storageState: storageStatePath(role) });
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}

/** Fills in and sends the sign-in form of a page already at /signin. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
