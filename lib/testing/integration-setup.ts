// Vitest globalSetup for the "integration" project: one fresh database per run, built by the
// real `prisma migrate deploy`, dropped at the end. Test tooling, so it reads process.env itself.
import type { TestProject } from "vitest/node";
import { applyMigrations, createScratchDatabase, DEFAULT_ADMIN_URL } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of this run's migrated database; also in process.env.DATABASE_URL. */
    databaseUrl: string;
    /** Where tests may create further scratch databases. */
    databaseAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const database = await createScratchDatabase("switchyard_it", adminUrl);
  try {
    await applyMigrations(database.url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  // Workers are started after global setup and inherit this process's environment, so code
  // reading DATABASE_URL through lib/env.ts sees the test database, never a developer's own.
  process.env.DATABASE_URL = database.url;
  project.provide("databaseUrl", database.url);
  project.provide("databaseAdminUrl", adminUrl);

  return async () => {
    await database.drop();
  };
}
