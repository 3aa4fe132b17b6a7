// The import boundaries of issue 13, checked by dependency-cruiser (npm run lint; ESLint checks the
// rest, see eslint.config.mjs). Arrows: app → console → components → lib, never back; lib/routing,
// lib/detectors and the pricing core are pure; components never pull a server-only module into
// the browser bundle.
// lib/lint/boundaries.test.ts runs these rules on one deliberate violation each.
const fs = require("node:fs");
const path = require("node:path");

/** The pure core: decided, detected and priced from its inputs alone. */
const PURE_CORE = "^lib/(routing|detectors|pricing)/";

/**
 * Files that start with `import "server-only"`, found by reading the tree under `root` (each
 * file is read once per run, so a new server-only module is covered without editing this list).
 */
function serverOnlyModules(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== "node_modules" && rel !== "lib/db/generated") walk(rel);
      } else if (/\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(path.join(root, rel), "utf8");
        if (/^import\s+["']server-only["'];?\s*$/m.test(text)) found.push(rel);
      }
    }
  };
  for (const top of ["app", "components", "console", "lib"]) if (fs.existsSync(path.join(root, top))) walk(top);
  return found;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The rules, for a tree rooted at `root` (the repo, or the test's fixture tree). */
function forbiddenRules(root) {
  const serverOnly = serverOnlyModules(root).map((file) => `^${escape(file)}$`);
  return [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make load order matter and hide which module owns what.",
      from: {},
      to: { circular: true },
    },
    {
      name: "components-no-server-only",
      severity: "error",
      comment:
        "A component must not import a value from a server-only module (db access, secrets): in a client " +
        "component it breaks the build or leaks server code. Server actions (console/<area>/actions.ts, " +
        '"use server") are the one way in; types are erased and allowed.',
      from: { path: "^(components/|console/[^/]+/components/)" },
      to: {
        path: ["^node_modules/server-only/", ...serverOnly],
        pathNot: "^console/[^/]+/actions\\.ts$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "lib-not-app-console-seed",
      severity: "error",
      comment: "lib/ is the domain core: it never imports the app, the console areas or the seed script.",
      from: { path: "^lib/" },
      to: { path: "^(app/|console/|prisma/seed(/|\\.ts$))" },
    },
    {
      name: "lib-not-components",
      severity: "error",
      comment: "Nor the React components: lib/ is what components are built on, not the other way round.",
      from: { path: "^lib/" },
      to: { path: "^components/" },
    },
    {
      name: "console-and-components-not-app",
      severity: "error",
      comment: "app/ holds thin pages and routes; what they render and call lives in console/ and components/, which never import app/.",
      from: { path: "^(components|console)/" },
      to: { path: "^app/" },
    },
    {
      name: "shared-components-not-console",
      severity: "error",
      comment: "components/ is the shared kit (ui, charts, shell): it serves every console area and imports none of them.",
      from: { path: "^components/" },
      to: { path: "^console/" },
    },
    {
      name: "prisma-only-through-lib-db",
      severity: "error",
      comment:
        "The Prisma client (generated, and its packages) is reached only through lib/db: one cached client, " +
        "one error mapping. prisma/engine is the migration engine's bridge and speaks to the database itself.",
      from: { pathNot: "^(lib/db(/|\\.ts$)|prisma/engine/)" },
      to: { path: ["^lib/db/generated/", "^node_modules/(@prisma/client|@prisma/adapter-pg)/"] },
    },
    {
      name: "pure-core-no-io",
      severity: "error",
      comment:
        "lib/routing, lib/detectors and lib/pricing are pure functions of their inputs: no database, no " +
        "environment, no node I/O. Tests beside them may read fixtures from disk.",
      from: { path: PURE_CORE, pathNot: "\\.test\\.ts$" },
      to: {
        path: [
          "^lib/db(/|\\.ts$)",
          "^lib/env\\.ts$",
          "^node_modules/(@prisma/|prisma/|pg/|pg-|ioredis/|@electric-sql/|next/|next-auth/)",
          "^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads|os|process|readline)$",
        ],
      },
    },
    {
      name: "pure-core-reaches-no-io",
      severity: "error",
      comment: "Nor through another module: whatever the pure core imports must itself stay off the database and the environment.",
      from: { path: PURE_CORE, pathNot: "\\.test\\.ts$" },
      to: { path: ["^lib/db(/|\\.ts$)", "^lib/env\\.ts$"], reachable: true },
    },
  ];
}

module.exports = {
  forbidden: forbiddenRules(__dirname),
  options: {
    // The generated Prisma client is seen (prisma-only-through-lib-db) but not cruised.
    doNotFollow: { path: "(^|/)node_modules/|^lib/db/generated/" },
    // Build output, scratch folders, the lint rules' own deliberate violations.
    exclude: { path: "(^|/)(node_modules|\\.next[^/]*|data|test-results[^/]*|\\.scratch[^/]*)/|^lib/lint/fixtures/" },
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports count (for cycles) and are told apart (dependencyTypes "type-only").
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
    // next-env.d.ts and the like: Next's ambient declarations, no imports.
    moduleSystems: ["es6", "cjs"],
  },
};
// For lib/lint/boundaries.test.ts (the same rules over its fixture tree). Not enumerable, because
// dependency-cruiser clones its configuration and a function cannot be cloned.
Object.defineProperty(module.exports, "forbiddenRules", { value: forbiddenRules, enumerable: false });
