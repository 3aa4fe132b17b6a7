import "server-only";
import { apiKeyPrefix, hashApiKey } from "@/lib/auth/api-key";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";

export interface AppKey {
  id: string;
  prefix: string;
  name: string;
  rateLimitPerMinute: number | null;
  defaultFeatureKey: string | null;
  /** Features the key may name; empty = any feature. */
  featureKeys: string[];
}

// Keys are looked up by hash and cached briefly, so the hot path skips the database; a revoked
// key stops working within CACHE_MS (immediately in the process that revoked it, see forgetApiKey).
const CACHE_MS = 5_000;
// On globalThis: Next bundles this module into several chunks (route handlers, server actions),
// and revoking a key in the console must clear the cache the gateway actually reads.
const globalForKeys = globalThis as unknown as { switchyardKeyCache?: Map<string, { key: AppKey | null; until: number }> };
const cache = (globalForKeys.switchyardKeyCache ??= new Map());

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match?.[1]?.trim() ?? null;
  }
  return request.headers.get("x-api-key")?.trim() || null;
}

async function lookUp(hash: string): Promise<AppKey | null> {
  const row = await getDb().apiKey.findUnique({
    where: { hash },
    select: { id: true, prefix: true, name: true, rateLimitPerMinute: true, defaultFeatureKey: true, revokedAt: true, features: { select: { feature: { select: { key: true } } } } },
  });
  if (!row || row.revokedAt) return null;
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    rateLimitPerMinute: row.rateLimitPerMinute,
    defaultFeatureKey: row.defaultFeatureKey,
    featureKeys: row.features.map((entry) => entry.feature.key),
  };
}

/** The app key behind the request, or a 401 that says what is wrong (never which keys exist). */
export async function authenticateAppKey(request: Request): Promise<AppKey> {
  const secret = bearerToken(request);
  if (!secret) {
    throw new ApiError(401, "missing_api_key", "No API key: send your Switchyard app key as 'Authorization: Bearer <key>'.");
  }
  const hash = hashApiKey(secret);
  const now = Date.now();
  const cached = cache.get(hash);
  const key = cached && cached.until > now ? cached.key : await lookUp(hash);
  if (!cached || cached.until <= now) cache.set(hash, { key, until: now + CACHE_MS });
  if (!key) {
    throw new ApiError(401, "invalid_api_key", `Invalid or revoked API key (${apiKeyPrefix(secret)}…).`);
  }
  return key;
}

/** Drops cached lookups (after a key is revoked or re-scoped in this process). */
export function forgetApiKeys(): void {
  cache.clear();
}
