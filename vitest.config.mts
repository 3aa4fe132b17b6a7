import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Two projects: unit tests sit beside the code (*.test.ts) and touch no database;
// integration tests (*.int.test.ts) run against a fresh PostgreSQL database per run.
export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}lib/testing/server-only-stub.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,app,components,prisma,console}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.{ts,tsx}", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,app,components,prisma,console}/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/integration-setup.ts"],
          // Each file works on its own clone of the run's migrated database.
          setupFiles: ["lib/testing/file-database.ts"],
          // Two cores: one file at a time keeps timings and the database calm.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
