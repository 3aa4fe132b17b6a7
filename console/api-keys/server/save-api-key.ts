import "server-only";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "@/lib/auth/api-key";
import { getDb, type Prisma } from "@/lib/db";
import { assertNoChangeSince } from "@/lib/forms/assert-no-change-since";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { CreateApiKeyInput, RevokeApiKeyInput, UpdateApiKeyInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

interface Scope {
  featureKeys: string[];
  defaultFeatureKey: string | null;
  rateLimitPerMinute: number | null;
}

/** Feature keys → ids; an unknown key (deleted since the form opened) is refused, not dropped. */
async function scopeFeatureIds(tx: Prisma.TransactionClient, scope: Scope): Promise<string[]> {
  const wanted = [...new Set([...scope.featureKeys, ...(scope.defaultFeatureKey ? [scope.defaultFeatureKey] : [])])];
  const features = await tx.feature.findMany({ where: { key: { in: wanted } }, select: { id: true, key: true } });
  const missing = wanted.filter((key) => !features.some((feature) => feature.key === key));
  if (missing.length > 0) throw new ConfigRuleError(`Unknown feature ${missing.join(", ")}. Reload the page.`, scope.featureKeys.includes(missing[0]!) ? "featureKeys" : "defaultFeatureKey");
  return features.filter((feature) => scope.featureKeys.includes(feature.key)).map((feature) => feature.id);
}

const scopeView = (name: string, scope: Scope) => ({
  name,
  features: [...scope.featureKeys].sort(),
  defaultFeature: scope.defaultFeatureKey,
  rateLimitPerMinute: scope.rateLimitPerMinute,
});

/**
 * Creates an app key. The secret is returned to be shown once and is never stored: only its
 * SHA-256 and its first characters are (lib/auth/api-key.ts), and neither goes to the log.
 */
export async function createApiKey(input: CreateApiKeyInput, actor: Actor): Promise<{ id: string; prefix: string; secret: string }> {
  const secret = generateApiKey();
  const prefix = apiKeyPrefix(secret);
  return getDb().$transaction(async (tx) => {
    const featureIds = await scopeFeatureIds(tx, input);
    const key = await tx.apiKey.create({
      data: {
        name: input.name,
        prefix,
        hash: hashApiKey(secret),
        rateLimitPerMinute: input.rateLimitPerMinute,
        defaultFeatureKey: input.defaultFeatureKey,
        createdById: actor.id,
        features: { create: featureIds.map((featureId) => ({ featureId })) },
      },
      select: { id: true, prefix: true },
    });
    await recordChange(tx, actor, { entity: ENTITY.apiKey, entityKey: prefix, action: "create", after: scopeView(input.name, input) });
    return { id: key.id, prefix: key.prefix, secret };
  });
}

async function lockKey(tx: Prisma.TransactionClient, id: string) {
  // Row lock: a second save of the same key waits here and then sees the first one's log entry.
  await tx.$queryRaw`SELECT id FROM "ApiKey" WHERE id = ${id} FOR UPDATE`;
  const key = await tx.apiKey.findUnique({
    where: { id },
    select: { name: true, prefix: true, revokedAt: true, rateLimitPerMinute: true, defaultFeatureKey: true, features: { select: { feature: { select: { key: true } } } } },
  });
  if (!key) throw new ConfigRuleError("This key no longer exists. Reload the page.");
  const scope: Scope = { featureKeys: key.features.map((entry) => entry.feature.key), defaultFeatureKey: key.defaultFeatureKey, rateLimitPerMinute: key.rateLimitPerMinute };
  return { ...key, scope };
}

/** Renames a key or changes its feature scope, default feature and rate limit. */
export async function updateApiKey(input: UpdateApiKeyInput, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await lockKey(tx, input.id);
    await assertNoChangeSince(tx, ENTITY.apiKey, before.prefix, new Date(input.seenAt));
    if (before.revokedAt) throw new ConfigRuleError("This key is revoked; create a new key instead.");
    const featureIds = await scopeFeatureIds(tx, input);
    await tx.apiKey.update({
      where: { id: input.id },
      data: {
        name: input.name,
        rateLimitPerMinute: input.rateLimitPerMinute,
        defaultFeatureKey: input.defaultFeatureKey,
        features: { deleteMany: {}, create: featureIds.map((featureId) => ({ featureId })) },
      },
    });
    await recordChange(tx, actor, { entity: ENTITY.apiKey, entityKey: before.prefix, action: "update", before: scopeView(before.name, before.scope), after: scopeView(input.name, input) });
  });
}

/** Revokes a key for good: the gateway answers 401 from then on (callers drop its cache). */
export async function revokeApiKey(input: RevokeApiKeyInput, actor: Actor, now = new Date()): Promise<{ prefix: string }> {
  return getDb().$transaction(async (tx) => {
    const before = await lockKey(tx, input.id);
    if (before.revokedAt) return { prefix: before.prefix };
    await tx.apiKey.update({ where: { id: input.id }, data: { revokedAt: now } });
    await recordChange(tx, actor, { entity: ENTITY.apiKey, entityKey: before.prefix, action: "revoke", before: scopeView(before.name, before.scope), after: { revokedAt: now } });
    return { prefix: before.prefix };
  });
}
