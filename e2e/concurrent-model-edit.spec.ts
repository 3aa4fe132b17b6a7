import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

// Two people open the same model; the one who saves second is told who changed it and when,
// and nothing they did not see is overwritten.
test("the second of two concurrent saves is refused with who changed the model", async ({ browser }) => {
  const engineer = await browser.newContext({ storageState: storageStatePath("engineer") });
  const admin = await browser.newContext({ storageState: storageStatePath("admin") });
  try {
    const first = await engineer.newPage();
    const second = await admin.newPage();
    for (const page of [first, second]) {
      await page.goto("/models");
      await page.getByTestId("model-gemma-2-9b").getByRole("button", { name: "Edit" }).click();
    }
    const firstForm = first.getByRole("form", { name: "Edit gemma-2-9b" });
    const secondForm = second.getByRole("form", { name: "Edit gemma-2-9b" });
    await expect(secondForm.getByLabel("Priority (lower first)")).toHaveValue("20");

    await firstForm.getByLabel("Priority (lower first)").fill("21");
    await firstForm.getByRole("button", { name: "Save model" }).click();
    await expect(first.getByTestId("model-gemma-2-9b").getByRole("cell", { name: "21", exact: true })).toBeVisible();

    await secondForm.getByLabel("Priority (lower first)").fill("29");
    await secondForm.getByRole("button", { name: "Save model" }).click();
    const alert = secondForm.getByRole("alert");
    await expect(alert).toContainText("changed by engineer@switchyard.local at");
    await expect(alert).toContainText("reload");

    // Reload brings the engineer's value into the still-open form; nothing was overwritten.
    await alert.getByRole("button", { name: "Reload" }).click();
    await expect(secondForm.getByLabel("Priority (lower first)")).toHaveValue("21");
    await expect(secondForm.getByRole("alert")).toHaveCount(0);
    await first.reload();
    await expect(first.getByTestId("model-gemma-2-9b").getByRole("cell", { name: "21", exact: true })).toBeVisible();
  } finally {
    await engineer.close();
    await admin.close();
  }
});
