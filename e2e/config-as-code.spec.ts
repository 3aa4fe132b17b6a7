import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

test.use({ storageState: storageStatePath("admin") });

test("the configuration exports as JSON, and an edited copy applies back as a new version", async ({ page }) => {
  await page.goto("/versions");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download JSON" }).click()]);
  const document = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(document).toMatchObject({ format: "switchyard/config", formatVersion: 1 });
  const opus = document.models.find((model: { alias: string }) => model.alias === "claude-opus");
  expect(opus.outputPricePerMTok).toBe(75);
  opus.outputPricePerMTok = 70;

  // A broken copy is refused with the problem named, and changes nothing.
  const broken = structuredClone(document);
  broken.models[0].tier = "orbit";
  const fileInput = page.getByLabel("Apply a configuration document");
  await fileInput.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByTestId("config-problems")).toContainText('Unknown tier "orbit"');

  await fileInput.setInputFiles({ name: "cheaper-opus.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) });
  const plan = page.getByTestId("config-plan");
  await expect(plan).toContainText("claude-opus: output price $75 → $70");
  await plan.getByLabel("Publish note").fill("Opus output price renegotiated");
  await plan.getByRole("button", { name: "Apply and publish" }).click();
  const applied = page.getByRole("status").filter({ hasText: "published version" });
  await expect(applied).toBeVisible();
  const version = Number((await applied.textContent())?.match(/published version (\d+)/)?.[1]);

  await expect(page.getByTestId(`version-${version}`)).toContainText("Opus output price renegotiated");
  await expect(page.getByTestId("version-comparison")).toContainText("claude-opus: output price $75 → $70");
  await page.goto("/models");
  await expect(page.getByTestId("model-claude-opus")).toContainText("$70.00 / 1M");
});
