// The boundary rules of `npm run lint` catch what they are for: each rule, taken from the real
// configuration files, reports its deliberate violation in lib/lint/fixtures/ (a small tree laid
// out like the repo) — so switching a rule off, or narrowing it until it misses, fails here.
// The allowed cases (a server action, a type-only import, lib/env.ts itself) must stay quiet.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = path.join(ROOT, "lib/lint/fixtures");

interface DepcruiseConfig {
  options: Record<string, unknown>;
  forbiddenRules: (root: string) => Array<{ name: string }>;
}
const depcruiseConfig = createRequire(import.meta.url)(path.join(ROOT, ".dependency-cruiser.cjs")) as DepcruiseConfig;

describe("dependency-cruiser rules (.dependency-cruiser.cjs)", () => {
  let violations: IViolation[] = [];

  beforeAll(async () => {
    const tsConfigFile = path.join(FIXTURES, "tsconfig.json");
    const { output } = await cruise(
      ["."],
      {
        ...depcruiseConfig.options,
        baseDir: FIXTURES,
        tsConfig: { fileName: tsConfigFile },
        validate: true,
        ruleSet: { forbidden: depcruiseConfig.forbiddenRules(FIXTURES) } as never,
      },
      {},
      { tsConfig: extractTSConfig(tsConfigFile) },
    );
    violations = (output as ICruiseResult).summary.violations;
  }, 60_000);

  const reported = (rule: string) => violations.filter((violation) => violation.rule.name === rule).map(({ from, to }) => `${from} → ${to}`);

  it("runs every rule it knows of against the fixtures (none missing from this test)", () => {
    expect(depcruiseConfig.forbiddenRules(FIXTURES).map((rule) => rule.name).sort()).toEqual(
      [
        "components-no-server-only",
        "console-and-components-not-app",
        "lib-not-app-console-seed",
        "lib-not-components",
        "no-circular",
        "prisma-only-through-lib-db",
        "pure-core-no-io",
        "pure-core-reaches-no-io",
        "shared-components-not-console",
      ],
    );
  });

  it("no-circular: two modules importing each other", () => {
    expect(reported("no-circular")).toEqual(expect.arrayContaining(["lib/cycle-a.ts → lib/cycle-b.ts"]));
  });

  it("components-no-server-only: a component importing a value from a server-only module, but not a type or a server action", () => {
    expect(reported("components-no-server-only")).toEqual(["components/secret-table.tsx → lib/secret-store.ts"]);
  });

  it("lib-not-app-console-seed: lib/ importing the app or the seed", () => {
    expect(reported("lib-not-app-console-seed").sort()).toEqual(["lib/imports-app.ts → app/page-title.ts", "lib/imports-seed.ts → prisma/seed.ts"]);
  });

  it("lib-not-components: lib/ importing a React component", () => {
    expect(reported("lib-not-components")).toEqual(["lib/imports-component.ts → components/secret-row.tsx"]);
  });

  it("console-and-components-not-app: a console component importing from app/", () => {
    expect(reported("console-and-components-not-app")).toEqual(["console/area/components/imports-app.tsx → app/page-title.ts"]);
  });

  it("shared-components-not-console: the shared kit importing a console area", () => {
    expect(reported("shared-components-not-console")).toEqual(["components/imports-console.tsx → console/area/area-name.ts"]);
  });

  it("prisma-only-through-lib-db: the generated client imported outside lib/db, but not by lib/db itself", () => {
    expect(reported("prisma-only-through-lib-db")).toEqual(["lib/imports-prisma.ts → lib/db/generated/client.ts"]);
  });

  it("pure-core-no-io: the engine, a detector and pricing importing the database, node:fs and the environment", () => {
    expect(reported("pure-core-no-io").sort()).toEqual([
      "lib/detectors/reads-file.ts → fs",
      "lib/pricing/reads-env.ts → lib/env.ts",
      "lib/routing/reads-db.ts → lib/db.ts",
    ]);
  });

  it("pure-core-reaches-no-io: the database reached through another module", () => {
    expect(reported("pure-core-reaches-no-io")).toEqual(expect.arrayContaining(["lib/routing/via-loader.ts → lib/db.ts"]));
  });
});

describe("ESLint: process.env only in lib/env.ts (eslint.config.mjs)", () => {
  const eslint = new ESLint({ cwd: ROOT, ignore: false, cache: false });
  const source = readFileSync(path.join(FIXTURES, "lib/reads-environment.ts"), "utf8");
  const lintAs = async (file: string) => {
    const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
    return result!.messages.filter((message) => message.message.includes("lib/env.ts")).map((message) => `${message.line}:${message.ruleId}`);
  };

  it("reports process.env, a destructured env and an env import anywhere else", async () => {
    expect(await lintAs("lib/gateway/reads-environment.ts")).toEqual(["2:no-restricted-imports", "4:no-restricted-properties", "5:no-restricted-properties"]);
    expect(await lintAs("console/costs/components/reads-environment.tsx")).toHaveLength(3);
  }, 60_000);

  it("allows lib/env.ts itself and the listed test tooling", async () => {
    expect(await lintAs("lib/env.ts")).toEqual([]);
    expect(await lintAs("lib/gateway/reads-environment.test.ts")).toEqual([]);
    expect(await lintAs("lib/testing/reads-environment.ts")).toEqual([]);
  }, 60_000);
});
