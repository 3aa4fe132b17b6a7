import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

test.describe("providers as an engineer", () => {
  test.use({ storageState: storageStatePath("engineer") });

  test("shows live health and tests a connection through the provider layer", async ({ page }) => {
    await page.goto("/providers");
    const local = page.getByTestId("provider-simulated-local");
    await expect(local.getByText("Simulated", { exact: true })).toBeVisible();
    // The health cell fills in from the polled route handler.
    await expect(page.getByTestId("health-simulated-local")).toContainText(/healthy|no calls yet|probing|circuit open/);

    await local.getByRole("button", { name: /Test connection/ }).click();
    await expect(page.getByTestId("test-result-simulated-local")).toContainText(/Connected: llama-3\.1-8b answered in \d+ ms \(Simulated/);
  });

  test("refuses a secret where the key's variable name belongs, next to the field", async ({ page }) => {
    await page.goto("/providers");
    await page.getByRole("button", { name: "Add provider" }).click();
    const form = page.getByRole("form", { name: "Add a provider" });
    await form.getByLabel("Key (models refer to it)").fill("together");
    await form.getByLabel("Name").fill("Together AI");
    await form.getByLabel("Base URL").fill("https://api.together.xyz/v1");
    await form.getByLabel("Environment variable holding the key").fill("sk-live-0123456789abcdef");
    await form.getByLabel("Region (where data is processed)").fill("us");
    await form.getByRole("button", { name: "Add provider" }).click();
    await expect(form.getByText(/Enter the NAME of the environment variable/)).toBeVisible();
  });
});

test.describe("the provider health endpoint", () => {
  test.use({ storageState: storageStatePath("finance") });

  test("answers another role with a 403 in JSON", async ({ request }) => {
    const response = await request.get("/api/console/providers/health");
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toMatchObject({ type: "permission_error", code: "forbidden" });
  });
});
