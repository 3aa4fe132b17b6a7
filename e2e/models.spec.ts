import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

test.use({ storageState: storageStatePath("engineer") });

test("the tiers page lists each tier with the models assigned to it, from the database", async ({ page }) => {
  await page.goto("/models");
  const local = page.getByTestId("tier-local");
  await expect(local.getByRole("heading", { name: /Local open-weight/ })).toBeVisible();
  await expect(local.getByRole("cell", { name: /^llama-3\.1-8b/ })).toBeVisible();
  // Local models are priced from the hardware profile and say so.
  await expect(local.getByText("hardware").first()).toBeVisible();
  // With no provider settings in the environment, the seed uses simulators and labels them.
  await expect(local.getByText("Simulated").first()).toBeVisible();

  const frontier = page.getByTestId("tier-frontier");
  await expect(frontier.getByRole("cell", { name: /^claude-sonnet/ })).toBeVisible();
  await expect(frontier.getByText("baseline")).toBeVisible();
  await expect(frontier.getByText("$3.00 / 1M")).toBeVisible();
  await expect(page.getByTestId("tier-hosted-open").getByText("128k").first()).toBeVisible();
});
