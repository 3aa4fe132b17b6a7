import { expect, test } from "@playwright/test";
import { storageStatePath, type E2ERole } from "./support/users";

// What each role may open. Every page checks the role on the server: a finance user who types
// an admin URL gets the 403 page, not a hidden button.
const PAGES: Array<{ path: string; heading: string | RegExp; roles: E2ERole[] }> = [
  { path: "/models", heading: "Models & tiers", roles: ["admin", "engineer"] },
  { path: "/providers", heading: "Providers", roles: ["admin", "engineer"] },
  { path: "/routing", heading: "Routing", roles: ["admin", "engineer"] },
  { path: "/data-rules", heading: "Data rules", roles: ["admin", "engineer"] },
  { path: "/licences", heading: "Licences", roles: ["admin", "engineer"] },
  { path: "/features", heading: "Features & budgets", roles: ["admin", "engineer"] },
  { path: "/api-keys", heading: "API keys", roles: ["admin", "engineer"] },
  { path: "/playground", heading: "Playground", roles: ["admin", "engineer"] },
  { path: "/costs", heading: "Costs", roles: ["admin", "engineer", "finance"] },
  { path: "/decisions", heading: "Decisions", roles: ["admin", "engineer", "auditor"] },
  { path: "/changes", heading: "Changes", roles: ["admin", "engineer", "auditor"] },
  { path: "/versions", heading: "Policy versions", roles: ["admin", "engineer", "auditor"] },
  { path: "/users", heading: "Users", roles: ["admin"] },
];

const ROLES: E2ERole[] = ["admin", "engineer", "finance", "auditor"];

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStatePath(role) });

    test("the navigation shows exactly the areas this role may open", async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Console" });
      for (const entry of PAGES) {
        const link = nav.getByRole("link", { name: entry.heading, exact: true });
        if (entry.roles.includes(role)) await expect(link).toBeVisible();
        else await expect(link).toHaveCount(0);
      }
    });

    for (const entry of PAGES) {
      const allowed = entry.roles.includes(role);
      test(`${allowed ? "opens" : "is refused"} ${entry.path}`, async ({ page }) => {
        const response = await page.goto(entry.path);
        if (allowed) {
          expect(response?.status()).toBe(200);
          await expect(page.getByRole("heading", { level: 1, name: entry.heading, exact: true })).toBeVisible();
        } else {
          expect(response?.status()).toBe(403);
          await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
        }
      });
    }
  });
}
