import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_API_KEY, storageStatePath } from "./support/users";

test.use({ storageState: storageStatePath("engineer") });

/** The tier the gateway would pick for a request pinned to `model`, without calling a model. */
async function dryRunTier(request: APIRequestContext, model: string): Promise<string | null> {
  const response = await request.post("/api/route", {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: { model, messages: [{ role: "user", content: "Summarise: the printer on floor 3 is out of toner." }], dryRun: true },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).decision.tier;
}

test("an engineer moves a model to another tier, publishes, and the gateway routes by the new tier", async ({ page, request }) => {
  expect(await dryRunTier(request, "mistral-7b")).toBe("local");

  await page.goto("/models");
  await page.getByTestId("tier-local").getByTestId("model-mistral-7b").getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: "Edit mistral-7b" });
  await form.getByLabel("Tier").selectOption({ label: "Hosted open-weight" });
  await form.getByRole("button", { name: "Save model" }).click();

  await expect(page.getByTestId("tier-hosted-open").getByTestId("model-mistral-7b")).toBeVisible();
  await expect(page.getByTestId("tier-local").getByTestId("model-mistral-7b")).toHaveCount(0);
  // Saved, not live: the gateway still serves the published version.
  expect(await dryRunTier(request, "mistral-7b")).toBe("local");

  const bar = page.getByTestId("publish-bar");
  await bar.getByLabel("Publish note").fill("Move mistral-7b to hosted open-weight");
  await bar.getByRole("button", { name: "Publish" }).click();
  await expect(bar.getByRole("status")).toContainText(/Published version \d+/);

  await expect.poll(() => dryRunTier(request, "mistral-7b")).toBe("hosted-open");
});
