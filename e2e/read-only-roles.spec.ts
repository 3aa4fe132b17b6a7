import { expect, test, type Request } from "@playwright/test";
import { storageStatePath, type E2ERole } from "./support/users";
import { openAs } from "./support/session";

// Finance and auditors only read. Hiding the editing pages is not the check: the server
// refuses their server-action calls too. To prove it, a real server action call is captured
// from an engineer's browser (and held back, so it changes nothing), replayed from the other
// roles' sessions (refused, nothing changes), and finally replayed from an engineer's session
// (it works) — so the refusals came from the role check, not from a broken replay.

const EDITING_PAGES = ["/data-rules", "/licences", "/features", "/api-keys", "/playground", "/users"];
const READ_ONLY: E2ERole[] = ["finance", "auditor"];

for (const role of READ_ONLY) {
  test(`${role} cannot open the editing pages (403)`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath(role) });
    const page = await context.newPage();
    for (const path of EDITING_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
    }
    await context.close();
  });
}

test("a forged server action from a finance or auditor session is refused and changes nothing", async ({ browser, playwright, baseURL }) => {
  const { context: engineer, page } = await openAs(browser, "engineer", "/features");
  const row = page.getByTestId("feature-research-notebook");
  await expect(row).toContainText("Research notebook");

  // Capture the engineer's save as it leaves the browser, then hold it back.
  let captured: Request | null = null;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) captured = request;
  });
  await page.route("**/features", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  const dialog = page.getByRole("dialog", { name: "Edit feature: Research notebook" });
  await expect(async () => {
    await row.getByRole("button", { name: "Edit Research notebook" }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await dialog.getByLabel("Name").fill("Forged research name");
  await dialog.getByRole("button", { name: "Save feature" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await expect(dialog.getByRole("alert")).toContainText("could not reach the server");
  const action = captured as unknown as Request;
  const replay = (role: E2ERole) =>
    playwright.request.newContext({ baseURL, storageState: storageStatePath(role) }).then(async (context) => {
      const headers = await action.allHeaders();
      const response = await context.post("/features", {
        headers: {
          "next-action": headers["next-action"]!,
          "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin: baseURL!,
        },
        data: action.postData() ?? "",
      });
      const text = await response.text();
      await context.dispose();
      return { status: response.status(), text };
    });

  for (const role of READ_ONLY) {
    const result = await replay(role);
    expect(result.text, `${role}'s replay`).toContain(`Your role (${role}) cannot make this change.`);
  }
  await page.unroute("**/features");
  await page.goto("/features");
  await expect(page.getByTestId("feature-research-notebook")).toContainText("Research notebook");
  await expect(page.getByText("Forged research name")).toHaveCount(0);

  // Control: the very same call from an engineer's session goes through.
  const control = await replay("engineer");
  expect(control.text).toContain('"ok":true');
  await page.reload();
  await expect(page.getByTestId("feature-research-notebook")).toContainText("Forged research name");
  await engineer.close();
});
