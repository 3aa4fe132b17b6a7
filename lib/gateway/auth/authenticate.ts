import "server-only";
import { LRUCache } from "lru-cache";
import { isIP } from "node:net";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { hashApiKey } from "@/lib/auth/api-key";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { apiError, type ApiError } from "@/lib/http/api-error";
import { reportDatabaseDown, reportDatabaseUp } from "../instance/database-status";
import { announce, onEvent } from "../instance/cluster-events";

export interface AppKey {
  id: string;
  prefix: string;
  name: string;
  rateLimitPerMinute: number | null;
  defaultFeatureKey: string | null;
  /** Features the key may name; empty = any feature. */
  featureKeys: string[];
}

// Keys are looked up by hash and cached, so the hot path skips the database. A cached key is
// trusted for FRESH_MS, then looked up again: a revoked key stops working within FRESH_MS in every
// instance (at once where the revoke happened, and everywhere through Redis, see forgetApiKeys).
// While the database is unreachable, a key seen in the last KNOWN_KEY_RETENTION_MS stays valid:
// the gateway must not fall with its database. Unknown keys then get 503, not 401.
const FRESH_MS = 1_000;
const KNOWN_KEYS_MAX = 10_000;
const KNOWN_KEY_RETENTION_MS = 24 * 60 * 60_000;
// Hashes that matched no live key: remembered briefly so a client retrying a revoked or mistyped
// key costs no lookup, and bounded so that presenting random tokens cannot grow memory.
const UNKNOWN_KEYS_MAX = 10_000;
const UNKNOWN_KEY_TTL_MS = 5_000;
const FAILURE_WINDOW_SECONDS = 60;
/** The bucket for every client when the address cannot be known (no TRUST_PROXY). */
export const SHARED_CLIENT = "shared";

interface AuthState {
  known: LRUCache<string, { key: AppKey; checkedAt: number }>;
  unknown: LRUCache<string, true>;
  failures: RateLimiterMemory;
  lookups: number;
  listening: boolean;
}

function createState(): AuthState {
  return {
    known: new LRUCache({ max: KNOWN_KEYS_MAX, ttl: KNOWN_KEY_RETENTION_MS }),
    unknown: new LRUCache({ max: UNKNOWN_KEYS_MAX, ttl: UNKNOWN_KEY_TTL_MS }),
    failures: new RateLimiterMemory({ points: env.GATEWAY_AUTH_FAILURES_PER_MINUTE, duration: FAILURE_WINDOW_SECONDS, keyPrefix: "auth-failures" }),
    lookups: 0,
    listening: false,
  };
}

// On globalThis: Next bundles this module into several chunks (route handlers, server actions),
// and revoking a key in the console must clear the cache the gateway actually reads.
const globalForKeys = globalThis as unknown as { switchyardAppKeyAuth?: AuthState };
const state = (globalForKeys.switchyardAppKeyAuth ??= createState());

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match?.[1]?.trim() ?? null;
  }
  return request.headers.get("x-api-key")?.trim() || null;
}

/** An IPv6 client is one /64 (what one host is usually given), so rotating addresses in it buys nothing. */
function ipv6Network(address: string): string {
  const bare = address.split("%")[0]!.toLowerCase();
  const [head = "", tail] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group || "0", 16).toString(16)).join(":")}::/64`;
}

function normaliseAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const version = isIP(address.split("%")[0]!);
  if (version === 4) return address;
  if (version === 6) return ipv6Network(address);
  // Not an address (a proxy wrote "unknown" or a name): still the trusted proxy's word, kept short.
  return address.slice(0, 64) || SHARED_CLIENT;
}

/**
 * The client a failed authentication is counted against. X-Forwarded-For is read only when
 * TRUST_PROXY says how many proxies append to it, and then the entry that many places from the
 * right: everything further left was written by the client and proves nothing. Next.js route
 * handlers do not expose the socket (and Next fills X-Forwarded-For from it only when the client
 * sent none), so without TRUST_PROXY every client shares one bucket.
 */
export function clientAddress(request: Request, trustedProxies: number = env.TRUST_PROXY): string {
  if (trustedProxies <= 0) return SHARED_CLIENT;
  const hops = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return SHARED_CLIENT;
  return normaliseAddress(hops[Math.max(0, hops.length - trustedProxies)]!);
}

async function lookUp(hash: string): Promise<AppKey | null> {
  state.lookups += 1;
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

function tooManyFailures(msBeforeNext: number): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return apiError("too_many_failed_authentications", `Too many requests with an invalid API key from this client. Retry in ${seconds} s.`, {
    headers: { "retry-after": String(seconds) },
  });
}

/** Counts one failed authentication; 401, or 429 once the client is over its limit. */
async function failed(client: string): Promise<never> {
  try {
    await state.failures.consume(client);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooManyFailures(rejection.msBeforeNext);
    throw rejection;
  }
  // Never any part of the presented secret: a 401 must not confirm or echo what was sent.
  throw apiError("invalid_api_key", "Invalid or revoked API key.");
}

/**
 * The app key behind the request, or a 401 that says what is wrong (never which keys exist, and
 * nothing of what was presented). A client over its failed-authentication limit gets a 429 for
 * any key this process has not seen work, without a database lookup.
 */
export async function authenticateAppKey(request: Request): Promise<AppKey> {
  const secret = bearerToken(request);
  if (!secret) {
    // Both headers are read (bearerToken), whichever SDK the caller uses: say both.
    throw apiError("missing_api_key", "No API key: send your Switchyard app key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.");
  }
  listenForKeyChanges();
  const hash = hashApiKey(secret);
  const now = Date.now();
  const known = state.known.get(hash);
  if (known && now - known.checkedAt < FRESH_MS) return known.key;

  const client = clientAddress(request);
  if (!known) {
    if (state.unknown.has(hash)) return failed(client);
    const record = await state.failures.get(client);
    if (record && record.consumedPoints >= env.GATEWAY_AUTH_FAILURES_PER_MINUTE) throw tooManyFailures(record.msBeforeNext);
  }
  let key: AppKey | null;
  try {
    key = await lookUp(hash);
    reportDatabaseUp();
  } catch (error) {
    reportDatabaseDown(error, "looking up an API key");
    // Served from memory until the database can say otherwise; asked again in FRESH_MS, not by
    // every request meanwhile (each would wait for the same failure).
    if (known) {
      state.known.set(hash, { key: known.key, checkedAt: now });
      return known.key;
    }
    throw apiError("database_unavailable", "Switchyard cannot check this API key right now (its database is unreachable) and has not seen it recently. Retry shortly.", {
      headers: { "retry-after": "5" },
    });
  }
  if (key) {
    state.known.set(hash, { key, checkedAt: now });
    return key;
  }
  state.known.delete(hash);
  state.unknown.set(hash, true);
  return failed(client);
}

/** Drops this process's cached lookups. */
function forgetLocally(): void {
  state.known.clear();
  state.unknown.clear();
}

/**
 * After a key is revoked or re-scoped: this process forgets its cached lookups at once, and
 * with REDIS_URL every other instance does too (they would otherwise within FRESH_MS).
 */
export function forgetApiKeys(): void {
  forgetLocally();
  announce("api-keys-changed");
}

/** Listens for other instances' revocations, from the first authentication on (not at import: CLIs import this too). */
function listenForKeyChanges(): void {
  if (state.listening) return;
  state.listening = true;
  onEvent("api-keys-changed", forgetLocally);
}

/** For tests and health pages: cache sizes and how many lookups reached the database. */
export function authenticationStats(): { knownKeys: number; unknownKeys: number; lookups: number } {
  return { knownKeys: state.known.size, unknownKeys: state.unknown.size, lookups: state.lookups };
}

/** For tests: forgets every client's failed authentications. */
export function forgetFailedAuthentications(): void {
  state.failures = createState().failures;
}
