import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { E2E_API_KEY, storageStatePath } from "./support/users";
import { openAs } from "./support/session";

// An engineer adds a budget alert pointing at a webhook receiver this spec runs on 127.0.0.1,
// tests the destination, lowers a feature's budget, and sends gateway requests until the spend
// crosses the threshold: the receiver gets the JSON POST and the Alerts page lists the alert
// with its delivery. The budget is restored at the end (the gateway never used the lowered one:
// alerts read the configured budget, Publish is not involved).
test.use({ storageState: storageStatePath("engineer") });

interface Received {
  path: string;
  body: Record<string, unknown>;
}

let receiver: Server;
let hook = "";
const received: Received[] = [];

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString()));
    request.on("end", () => {
      received.push({ path: request.url ?? "", body: JSON.parse(text) as Record<string, unknown> });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/e2e-secret-token`;
});
test.afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
});

async function setSupportBudget(page: Page, amount: string) {
  await page.goto("/features");
  const dialog = page.getByRole("dialog", { name: "Edit feature: Support ticket summaries" });
  await expect(async () => {
    await page.getByRole("button", { name: "Edit Support ticket summaries" }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await dialog.getByLabel("Monthly budget (USD)").fill(amount);
  await dialog.getByRole("button", { name: "Save feature" }).click();
  await expect(dialog).toBeHidden();
}

test("a budget alert fires to a local webhook when gateway spend crosses its threshold, and is listed", async ({ page, request }) => {
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  const create = page.getByRole("dialog", { name: "Add an alert rule" });
  await expect(async () => {
    await page.getByRole("button", { name: "Add alert rule" }).click();
    await expect(create).toBeVisible({ timeout: 1_000 });
  }).toPass();

  // Bad input is answered in the form, and nothing is saved.
  await create.getByLabel("Name").fill("Support budget 10 %");
  await create.getByLabel("Webhook URL").fill("file:///etc/passwd");
  await create.getByRole("button", { name: "Add rule" }).click();
  await expect(create.getByText("Only http:// and https:// webhooks are delivered.")).toBeVisible();

  await create.getByLabel("Alert when").selectOption("budget_threshold");
  await create.getByLabel("Threshold (% of the monthly budget)").fill("10");
  await create.getByLabel("Feature").selectOption("support-summaries");
  await create.getByLabel("Webhook format").selectOption("json");
  await create.getByLabel("Webhook URL").fill(hook);
  await page.screenshot({ path: test.info().outputPath("alert-rule-form.png") });
  await create.getByRole("button", { name: "Add rule" }).click();
  await expect(create).toBeHidden();

  // Saved: only the host is shown, never the secret path.
  const row = page.locator("tr", { hasText: "Support budget 10 %" });
  await expect(row).toContainText(`${new URL(hook).host}/••••••••`);
  expect(await page.content()).not.toContain("e2e-secret-token");

  await row.getByRole("button", { name: "Send test for Support budget 10 %" }).click();
  await expect(row.getByTestId("alert-test-result")).toHaveText("Delivered (HTTP 200).");
  expect(received.at(-1)?.body).toMatchObject({ kind: "test", rule: "Support budget 10 %" });

  await setSupportBudget(page, "0.01");
  try {
    // Each request costs a fraction of a cent on the simulated local model; a few cross 10 % of $0.01.
    const prompt = "Summarise this ticket: the VPN drops every hour and users lose their session. ".repeat(60);
    await expect
      .poll(
        async () => {
          const answer = await request.post("/api/v1/chat/completions", {
            headers: { authorization: `Bearer ${E2E_API_KEY}`, "x-switchyard-feature": "support-summaries" },
            data: { model: "auto", messages: [{ role: "user", content: prompt }] },
          });
          expect(answer.status()).toBe(200);
          return received.filter((entry) => entry.body.kind === "budget_threshold").length;
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toBe(1);
    const alert = received.find((entry) => entry.body.kind === "budget_threshold")!;
    expect(alert.path).toBe("/hooks/e2e-secret-token");
    expect(alert.body).toMatchObject({ rule: "Support budget 10 %", subject: "support-summaries", values: { budgetUsd: 0.01, thresholdPercent: 10 }, link: expect.stringMatching(/\/alerts$/) });

    await page.goto("/alerts");
    const fired = page.getByTestId("fired-alert").first();
    await expect(fired).toContainText("Support budget 10 % · support-summaries");
    await expect(fired).toContainText("of its $0.01 monthly budget");
    await expect(fired).toContainText("1. HTTP 200");
    await page.screenshot({ path: test.info().outputPath("alerts-page.png"), fullPage: true });
  } finally {
    await setSupportBudget(page, "500");
  }
});

test("finance reads the Alerts page but cannot change rules", async ({ browser }) => {
  const { context, page } = await openAs(browser, "finance", "/alerts");
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add alert rule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await context.close();
});
