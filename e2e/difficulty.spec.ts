import { expect, test, type Page } from "@playwright/test";
import { E2E_API_KEY, storageStatePath } from "./support/users";

// The difficulty dial: an engineer sets a feature's target frontier share and sees, from the
// feature's recent scored requests, what share would go to frontier; the Playground shows the
// estimator's score. The dial is turned off again at the end, so the working configuration
// matches the published one for the specs that follow.
test.use({ storageState: storageStatePath("engineer") });

const FEATURE = "research-notebook";
const HARD = (i: number) => `Is this argument valid? Premise one: all bloops are razzies. Premise two: razzie ${i} is a lazzie. Conclusion: some bloops are lazzies.`;
const EASY = (i: number) => `Thanks for the notes from meeting ${i}, see you tomorrow.`;

async function openDial(page: Page) {
  await page.goto("/features");
  await page.getByTestId(`feature-${FEATURE}`).getByRole("button", { name: "Edit Research notebook" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit feature: Research notebook" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("an engineer sets the difficulty dial on a feature and sees the share it sends to frontier; the Playground shows the score", async ({ page, request }) => {
  // Before any traffic for the feature, the form says the benchmark mix stands in.
  let dialog = await openDial(page);
  const share = dialog.getByLabel("Difficulty estimator: frontier share (%)");
  await expect(share).toHaveValue("");
  await expect(dialog.getByTestId("estimator-preview")).toContainText("Estimator off");
  await share.fill("30");
  await expect(dialog.getByTestId("estimator-preview")).toContainText(/Too few scored requests to calibrate on \(\d+ of the 50 needed\)/);
  await share.fill("0");
  await dialog.getByRole("button", { name: "Save feature" }).click();
  await expect(dialog.getByText("The frontier share must be at least 1.")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // 60 requests through the gateway: a third formal-reasoning questions, the rest small talk.
  for (let i = 0; i < 60; i += 1) {
    const response = await request.post("/api/v1/chat/completions", {
      headers: { authorization: `Bearer ${E2E_API_KEY}`, "x-switchyard-feature": FEATURE },
      data: { model: "auto", messages: [{ role: "user", content: i % 3 === 0 ? HARD(i) : EASY(i) }] },
    });
    expect(response.status()).toBe(200);
  }

  // The ledger writes behind: reopen until the form has the feature's scores.
  await expect(async () => {
    dialog = await openDial(page);
    await dialog.getByLabel("Difficulty estimator: frontier share (%)").fill("30");
    await expect(dialog.getByTestId("estimator-preview")).toContainText(/At this setting about \d+ % of this feature's requests go to frontier \(score ≥ 0\.\d\d, from its last \d+ scored requests/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const preview = await dialog.getByTestId("estimator-preview").textContent();
  const percent = Number(/about (\d+) %/.exec(preview ?? "")?.[1]);
  expect(percent).toBeGreaterThanOrEqual(30);
  expect(percent).toBeLessThanOrEqual(40); // 20 hard of 60, scored alike: about a third
  await dialog.getByRole("button", { name: "Save feature" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`feature-${FEATURE}`)).toContainText(/estimator: 30 % to frontier \(score ≥ 0\.\d\d\)/);

  // The Playground scores the request (against the published policy, where the dial is not live yet).
  await page.goto("/playground");
  await page.getByLabel("Feature").selectOption(FEATURE);
  await page.getByLabel("User message").fill(HARD(99));
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByTestId("dry-run-difficulty-score")).toContainText(/estimator score 0\.\d\d \([^)]*formal reasoning[^)]*\); the feature's estimator is off/);

  // Off again: the working configuration matches the published one.
  dialog = await openDial(page);
  await dialog.getByLabel("Difficulty estimator: frontier share (%)").fill("");
  await dialog.getByRole("button", { name: "Save feature" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`feature-${FEATURE}`)).toContainText("estimator off");
});
