// npm run db:seed — demo-ready configuration, users for each role and one app key.
// Safe to run twice: existing rows are left as they are, except seeded models' catalogue facts
// (capabilities, max output, cache and long-context prices; see lib/seed/routing-config.ts).
import { loadDraftStatus } from "../lib/config/versions/draft-status";
import { publishPolicy } from "../lib/config/versions/publish-policy";
import { disconnectDb, getDb } from "../lib/db";
import { env } from "../lib/env";
import { seedApiKey, seedUsers } from "./seed/people";
import { SEEDED_FEATURE_KEYS, seedRoutingConfig } from "../lib/seed/routing-config";

async function main() {
  const db = getDb();
  const embedded = env.SWITCHYARD_EMBEDDED_DB === "1";

  const draftBefore = await loadDraftStatus();
  const { updatedModels } = await seedRoutingConfig(db);
  const { created, printable } = await seedUsers(db, embedded);
  const apiKey = await seedApiKey(db, SEEDED_FEATURE_KEYS);

  const admin = await db.user.findFirst({ where: { role: "admin" }, orderBy: { createdAt: "asc" } });
  const actor = { id: admin?.id ?? null, email: admin?.email ?? "seed" };
  if (draftBefore.publishedVersion === null) {
    await publishPolicy({ note: "Initial policy from the seed", actor });
  } else if (updatedModels.length > 0 && draftBefore.unpublishedChanges === 0) {
    // Nothing else was waiting: put the catalogue's capabilities live, or the gateway would keep
    // refusing tool and image requests until someone publishes.
    const version = await publishPolicy({ note: `Model capabilities from the offline catalogue (seed): ${updatedModels.join(", ")}`, actor });
    console.log(`Updated capabilities of ${updatedModels.join(", ")} from the catalogue and published version ${version}.`);
  } else if (updatedModels.length > 0) {
    console.log(`Updated capabilities of ${updatedModels.join(", ")} from the catalogue in the working configuration; ${draftBefore.unpublishedChanges} other change(s) are unpublished, so Publish when ready.`);
  }

  const simulated = await db.provider.findMany({ where: { kind: "simulator" }, select: { name: true } });
  console.log("Seed complete.");
  if (simulated.length > 0) console.log(`Simulated providers (no real model is called): ${simulated.map((p) => p.name).join(", ")}.`);
  if (created.length > 0 && printable) {
    console.log("Users created (sign in at the console):");
    for (const user of created) console.log(`  ${user.role.padEnd(9)} ${user.email}  password: ${user.password}`);
  } else if (created.length > 0) {
    console.log(`Users created: ${created.map((user) => user.email).join(", ")} (passwords as given in the environment).`);
  }
  if (apiKey) console.log(`App API key (shown once, store it now): ${apiKey}`);
}

main()
  .then(() => disconnectDb())
  .catch(async (error) => {
    console.error("Seed failed:", error instanceof Error ? error.message : error);
    await disconnectDb();
    process.exit(1);
  });
