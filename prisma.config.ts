// Prisma CLI configuration. The CLI reads the database URL from here (Prisma 7 keeps it out of
// schema.prisma). Where Prisma's native schema engine cannot be downloaded, the CLI is pointed
// at prisma/engine/schema-engine.mjs, a small bridge to the WebAssembly build of the same engine
// (prisma/engine/README.md). An engine you name in PRISMA_SCHEMA_ENGINE_BINARY wins; with
// PRISMA_SCHEMA_ENGINE_BRIDGE=off the CLI downloads and runs its native engine as usual.
import path from "node:path";
import { defineConfig } from "prisma/config";

if (process.env.PRISMA_SCHEMA_ENGINE_BRIDGE !== "off") {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma", "engine", "schema-engine.mjs");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
