import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

// The playground decides with the gateway's engine on the published policy; "Run for real"
// goes through the pipeline and labels simulated answers.
test.use({ storageState: storageStatePath("engineer") });

test("a dry run explains the decision, and a real run answers with tier, model, cost and the Simulated badge", async ({ page }) => {
  await page.goto("/playground");
  await page.getByLabel("Feature").selectOption("support-summaries");
  await page.getByLabel("User message").fill("Refund card 4242 4242 4242 4242 for ticket 991.");
  await expect(async () => {
    await page.getByRole("button", { name: "Dry run" }).click();
    await expect(page.getByTestId("dry-run-result")).toBeVisible({ timeout: 2_000 });
  }).toPass();
  const dry = page.getByTestId("dry-run-result");
  await expect(dry.getByTestId("dry-run-data-class")).toHaveText("restricted");
  await expect(dry.getByTestId("dry-run-outcome")).toContainText("on the local tier");
  await expect(dry.getByTestId("rejection-claude-sonnet")).toContainText("data class");
  await expect(dry.getByTestId("decision-trace")).toContainText(/restricted/i);

  await page.getByLabel("User message").fill("Summarise: the VPN drops every hour.");
  await page.getByRole("button", { name: "Run for real" }).click();
  const real = page.getByTestId("real-run-result");
  await expect(real.getByTestId("real-run-answer")).toContainText("[Simulated llama-3.1-8b]");
  await expect(real).toContainText("tier local");
  await expect(real.getByText("Simulated", { exact: true }).first()).toBeVisible();
  await expect(real.getByTestId("real-run-cost")).toHaveText(/^\$\d/);
});

test("offering the sample tool shows the tool call and the tool-capable path in the trace", async ({ page }) => {
  await page.goto("/playground");
  await page.getByLabel("Feature").selectOption("support-summaries");
  await page.getByLabel("User message").fill("Where is order A-1042?");
  await page.getByLabel(/Offer a sample tool/).check();
  await page.getByRole("button", { name: "Run for real" }).click();
  const real = page.getByTestId("real-run-result");
  await expect(real.getByTestId("real-run-tool-call")).toContainText("calls lookup_order(");
  await expect(real.getByTestId("decision-trace")).toContainText("The request needs a model that can call tools.");
  await expect(real.getByTestId("decision-trace")).toContainText("The answer calls tool lookup_order");
});
