import "server-only";
import { getDb } from "@/lib/db";

export interface ApiKeyRow {
  id: string;
  name: string;
  /** The visible start of the secret; the hash never leaves the database. */
  prefix: string;
  features: Array<{ key: string; name: string }>;
  defaultFeatureKey: string | null;
  /** Requests per minute; null = unlimited. */
  rateLimitPerMinute: number | null;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Active keys first, then revoked; newest first within each. */
export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const keys = await getDb().apiKey.findMany({
    orderBy: [{ createdAt: "desc" }],
    // An explicit select, so the hash cannot leak into the page even if the model grows.
    select: {
      id: true,
      name: true,
      prefix: true,
      defaultFeatureKey: true,
      rateLimitPerMinute: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { email: true } },
      features: { select: { feature: { select: { key: true, name: true } } } },
    },
  });
  return keys
    .map((key) => ({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      features: key.features.map((entry) => entry.feature).sort((a, b) => a.key.localeCompare(b.key)),
      defaultFeatureKey: key.defaultFeatureKey,
      rateLimitPerMinute: key.rateLimitPerMinute,
      createdBy: key.createdBy?.email ?? null,
      createdAt: key.createdAt,
      lastUsedAt: key.lastUsedAt,
      revokedAt: key.revokedAt,
    }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}
