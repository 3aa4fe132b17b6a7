import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

// An app key created in the console: its secret is shown once, it works at the gateway at
// once, and after revoking it the gateway answers 401.
test.use({ storageState: storageStatePath("engineer") });

test("a new key's secret is shown once, works at the gateway, and stops working when revoked", async ({ page, request }) => {
  await page.goto("/api-keys");
  const create = page.getByRole("dialog", { name: "Create an app key" });
  await expect(async () => {
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(create).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await create.getByLabel("Name").fill("E2E temporary key");
  await create.getByLabel("Default feature").selectOption("support-summaries");
  await create.getByLabel("Rate limit (requests per minute)").fill("100");
  await create.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByRole("dialog", { name: /^Key created: sy_/ });
  const secret = await shown.getByTestId("api-key-secret").inputValue();
  expect(secret).toMatch(/^sy_[A-Za-z0-9_-]{20,}$/);
  await expect(shown.getByRole("button", { name: "Copy" })).toBeVisible();
  await shown.getByRole("button", { name: "I have stored it" }).click();
  await expect(shown).toBeHidden();

  // From now on only the prefix: not in the table, not anywhere in the page.
  const prefix = secret.slice(0, 11);
  const row = page.getByTestId(`api-key-${prefix}`);
  await expect(row).toContainText("E2E temporary key");
  await expect(row).toContainText(`${prefix}…`);
  await page.reload();
  expect(await page.content()).not.toContain(secret);

  const call = () =>
    request.post("/api/v1/chat/completions", {
      headers: { authorization: `Bearer ${secret}` },
      data: { model: "auto", messages: [{ role: "user", content: "Say hello to the new key." }] },
    });
  const ok = await call();
  expect(ok.status()).toBe(200);
  expect((await ok.json()).choices[0].message.content).toMatch(/^\[Simulated/);

  const revoke = page.getByRole("dialog", { name: "Revoke “E2E temporary key”?" });
  await expect(async () => {
    await row.getByRole("button", { name: "Revoke E2E temporary key" }).click();
    await expect(revoke).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await revoke.getByRole("button", { name: "Revoke key" }).click();
  await expect(revoke).toBeHidden();
  await expect(row).toContainText("revoked");

  // Revoking drops the gateway's key cache (shared on globalThis), so the very next call is refused.
  const refused = await call();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("invalid_api_key");
});
