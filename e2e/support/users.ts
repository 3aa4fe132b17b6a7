// The seeded users the browser tests sign in as (e2e/tools/serve.ts seeds them with this password).
export const E2E_PASSWORD = "e2e-password-1";

/** The seeded app key's secret (SEED_API_KEY) in the browser-test database. */
export const E2E_API_KEY = "sy_e2e_test_key_0123456789abcdef";

export const USERS = {
  admin: { email: "admin@switchyard.local", name: "Ada Admin" },
  engineer: { email: "engineer@switchyard.local", name: "Eli Engineer" },
  finance: { email: "finance@switchyard.local", name: "Fran Finance" },
  auditor: { email: "auditor@switchyard.local", name: "Avery Auditor" },
} as const;

export type E2ERole = keyof typeof USERS;

export const storageStatePath = (role: E2ERole) => `${process.env.E2E_OUTPUT_DIR ?? "test-results"}/.auth/${role}.json`;
