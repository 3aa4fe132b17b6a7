import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

// An engineer maps the vendor model names coding agents send (Claude Code's claude-*, Codex's
// gpt-*) to what they route as, on Models & tiers: add, fix what the form refuses, edit, delete,
// each change in the change log.

test.describe("model names", () => {
  test.use({ storageState: storageStatePath("engineer") });

  test("adds, edits and deletes a mapping; a bad pattern, a taken pattern and an unknown target are refused by name", async ({ page }) => {
    await page.goto("/models");
    const card = page.getByTestId("model-name-mappings");
    await expect(card.getByRole("heading", { name: "Model names" })).toBeVisible();
    // The seed maps the Claude and GPT families; opus counts as hard work.
    const opus = card.getByRole("row", { name: /claude-opus-\*/ });
    await expect(opus).toContainText("auto");
    await expect(opus).toContainText("hard");
    await expect(card.getByRole("row", { name: /^gpt-\*/ })).toBeVisible();

    await card.getByRole("button", { name: "Add mapping" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a model-name mapping" });
    const pattern = dialog.getByLabel("Requested name pattern");
    const priority = dialog.getByLabel("Priority (lower is tried first)");
    await pattern.fill("acme llm!");
    await priority.fill("first");
    await dialog.getByRole("button", { name: "Add mapping" }).click();
    await expect(dialog.getByText("Use letters, digits, . _ : / @ [ ] - and * (any run of characters).")).toBeVisible();
    await expect(dialog.getByText("Priority must be a whole number.")).toBeVisible();
    await expect(pattern).toHaveAttribute("aria-invalid", "true");

    await pattern.fill("claude-*");
    await priority.fill("5");
    await dialog.getByRole("button", { name: "Add mapping" }).click();
    await expect(dialog.getByText('A mapping for "claude-*" already exists. Edit that one instead.')).toBeVisible();

    // A target that is gone by the time the form is sent (here: one the list never offered) is refused by the server.
    await pattern.fill("acme-e2e-*");
    await dialog.getByLabel("Routed as").evaluate((select: HTMLSelectElement) => {
      select.add(new Option("retired-model", "retired-model"));
    });
    await dialog.getByLabel("Routed as").selectOption("retired-model");
    await dialog.getByRole("button", { name: "Add mapping" }).click();
    await expect(dialog.getByText('There is no model "retired-model". Choose auto, an existing tier or a model.')).toBeVisible();

    await dialog.getByLabel("Routed as").selectOption("tier:frontier");
    await dialog.getByLabel("Difficulty").selectOption("hard");
    await dialog.getByRole("button", { name: "Add mapping" }).click();
    await expect(dialog).toBeHidden();
    // Lowest priority first: the new mapping leads the list.
    const rows = card.locator("tbody tr");
    await expect(rows.first()).toHaveText(/acme-e2e-\*\s*tier:frontier\s*hard\s*5/);
    await expect(page.getByText(/unpublished change/)).toBeVisible();

    await card.getByRole("button", { name: "Edit mapping acme-e2e-*" }).click();
    const edit = page.getByRole("dialog", { name: "Edit mapping: acme-e2e-*" });
    await expect(edit.getByLabel("Routed as")).toHaveValue("tier:frontier");
    await edit.getByLabel("Routed as").selectOption("claude-sonnet");
    await edit.getByLabel("Difficulty").selectOption("");
    await edit.getByLabel("Priority (lower is tried first)").fill("200");
    await edit.getByRole("button", { name: "Save mapping" }).click();
    await expect(edit).toBeHidden();
    await expect(rows.last()).toHaveText(/acme-e2e-\*\s*claude-sonnet\s*the request's own\s*200/);

    await card.getByRole("button", { name: "Edit mapping acme-e2e-*" }).click();
    await page.getByRole("dialog", { name: "Edit mapping: acme-e2e-*" }).getByRole("button", { name: "Delete mapping" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(card.getByRole("row", { name: /acme-e2e-\*/ })).toHaveCount(0);

    // Each change is in the change log.
    await page.goto("/changes");
    await expect(page.getByRole("row", { name: /acme-e2e-\*/ })).toHaveCount(3);
  });
});
