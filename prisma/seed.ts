// npm run db:seed — demo-ready configuration, users for each role and one app key.
// Safe to run twice: existing rows are left as they are.
import { publishPolicy } from "../lib/config/publish-policy";
import { disconnectDb, getDb } from "../lib/db";
import { env } from "../lib/env";
import { seedApiKey, seedUsers } from "./seed/people";
import { SEEDED_FEATURE_KEYS, seedRoutingConfig } from "./seed/routing-config";

async function main() {
  const db = getDb();
  const embedded = env.SWITCHYARD_EMBEDDED_DB === "1";

  await seedRoutingConfig(db);
  const { created, printable } = await seedUsers(db, embedded);
  const apiKey = await seedApiKey(db, SEEDED_FEATURE_KEYS);

  const published = await db.policyVersion.count();
  if (published === 0) {
    const admin = await db.user.findFirst({ where: { role: "admin" }, orderBy: { createdAt: "asc" } });
    await publishPolicy({ note: "Initial policy from the seed", actor: { id: admin?.id ?? null, email: admin?.email ?? "seed" } });
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
