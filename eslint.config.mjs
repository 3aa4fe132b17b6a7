// ESLint for the whole tree (`npm run lint`, which also runs dependency-cruiser on the import
// boundaries: .dependency-cruiser.cjs). Next's rules (core web vitals) and typescript-eslint's
// recommended set, without type information so a run stays quick on two cores.
// lib/lint/boundaries.test.ts proves the boundary rule below reports a deliberate violation.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const ENV_MESSAGE = "Read settings through lib/env.ts, the one validated reader of the environment.";

/**
 * Where reading process.env directly is allowed, and why. Everything else — the app, the console,
 * lib/, prisma/ and the production scripts — goes through lib/env.ts.
 */
const ENVIRONMENT_READERS = [
  // The reader itself.
  "lib/env.ts",
  // Tests set a variable before importing the module under test (lib/env reads it) and restore it.
  "**/*.test.ts",
  "**/*.test.tsx",
  // Test tooling: point DATABASE_URL and JOURNAL_DIR at this run's scratch database before lib/env
  // is read; the gateway harness hands child gateways their settings and fake provider secrets.
  "lib/testing/**",
  "lib/gateway/testing/**",
  // The fuzz tests' own knobs (FUZZ_SEED, FUZZ_RUNS, FUZZ_LOG), not settings of the app.
  "lib/gateway/fuzz/fuzz-kit.ts",
  // Browser tests, benchmarks: their knobs (E2E_PORT, BENCH_*) and the environment of the servers they start.
  "e2e/**",
  "playwright.config.ts",
  "bench/**",
  // Read by Next and Prisma's CLIs before any app code exists (the build folder, the engine, the database URL).
  "next.config.mjs",
  "prisma.config.ts",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    "node_modules/**",
    ".next/**",
    ".next-*/**",
    "data/**",
    "lib/db/generated/**",
    "test-results/**",
    "test-results-*/**",
    "playwright-report/**",
    "bench/results/**",
    ".scratch*/**",
    "next-env.d.ts",
    // Deliberate violations, linted only by lib/lint/boundaries.test.ts.
    "lib/lint/fixtures/**",
  ]),
  {
    rules: {
      // `_name` marks a binding left unused on purpose (a dropped field in a destructuring).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    // CommonJS config files (.dependency-cruiser.cjs) load their modules with require().
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    name: "switchyard/environment-only-in-lib-env",
    rules: {
      // process.env.X, process["env"] and const { env } = process alike.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: ENV_MESSAGE }],
      "no-restricted-imports": [
        "error",
        { paths: ["process", "node:process"].map((name) => ({ name, importNames: ["env"], message: ENV_MESSAGE })) },
      ],
    },
  },
  {
    name: "switchyard/environment-readers",
    files: ENVIRONMENT_READERS,
    rules: { "no-restricted-properties": "off", "no-restricted-imports": "off" },
  },
]);
