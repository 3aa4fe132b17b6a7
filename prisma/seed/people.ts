// Seeded users and the app API key. Passwords and keys already in the database are never
// overwritten, so running the seed again changes nothing a person has set.
import crypto from "node:crypto";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "../../lib/auth/api-key";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/roles";
import type { PrismaClient } from "../../lib/db";
import { env } from "../../lib/env";

const DEMO_PASSWORD = "switchyard-demo";

export interface SeededCredential {
  email: string;
  role: Role;
  password: string;
}

export async function seedUsers(db: PrismaClient, embedded: boolean): Promise<{ created: SeededCredential[]; printable: boolean }> {
  const adminEmail = (env.SEED_ADMIN_EMAIL ?? "admin@switchyard.local").toLowerCase();
  // Demo passwords are only for the embedded quick-start database; elsewhere they must be given
  // (or a random one is generated and printed once).
  const adminPassword = env.SEED_ADMIN_PASSWORD ?? (embedded ? DEMO_PASSWORD : crypto.randomBytes(12).toString("base64url"));
  const userPassword = env.SEED_USER_PASSWORD ?? (embedded ? DEMO_PASSWORD : null);

  const wanted: Array<{ email: string; name: string; role: Role; password: string | null }> = [
    { email: adminEmail, name: "Ada Admin", role: "admin", password: adminPassword },
    { email: "engineer@switchyard.local", name: "Eli Engineer", role: "engineer", password: userPassword },
    { email: "finance@switchyard.local", name: "Fran Finance", role: "finance", password: userPassword },
    { email: "auditor@switchyard.local", name: "Avery Auditor", role: "auditor", password: userPassword },
  ];

  const created: SeededCredential[] = [];
  for (const user of wanted) {
    if (!user.password) continue;
    const existing = await db.user.findUnique({ where: { email: user.email } });
    if (existing) continue;
    await db.user.create({ data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) } });
    created.push({ email: user.email, role: user.role, password: user.password });
  }
  // Print passwords only when they are demo defaults or were generated here, never ones the
  // operator passed in.
  const printable = embedded || !env.SEED_ADMIN_PASSWORD;
  return { created, printable };
}

export async function seedApiKey(db: PrismaClient, featureKeys: string[]): Promise<string | null> {
  const features = await db.feature.findMany({ where: { key: { in: featureKeys } }, select: { id: true, key: true } });
  const scope = { create: features.map((feature) => ({ featureId: feature.id })) };
  if (env.SEED_API_KEY) {
    const hash = hashApiKey(env.SEED_API_KEY);
    if (!(await db.apiKey.findUnique({ where: { hash } }))) {
      await db.apiKey.create({
        data: { name: "Seed app key", prefix: apiKeyPrefix(env.SEED_API_KEY), hash, defaultFeatureKey: featureKeys[0] ?? null, features: scope },
      });
    }
    return null;
  }
  if (await db.apiKey.findFirst({ where: { name: "Demo app key" } })) return null;
  const secret = generateApiKey();
  await db.apiKey.create({
    data: { name: "Demo app key", prefix: apiKeyPrefix(secret), hash: hashApiKey(secret), defaultFeatureKey: featureKeys[0] ?? null, features: scope },
  });
  return secret;
}
