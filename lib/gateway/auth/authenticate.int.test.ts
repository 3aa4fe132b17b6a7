// App-key authentication against a careful attacker: a scoped key cannot shed its feature,
// unknown tokens cost bounded memory and few lookups, a 401 echoes nothing, failures are
// limited per client, and revocation still lands within the cache's few seconds.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Before lib/env is imported: one trusted proxy (so tests can play many clients) and a small
// failure budget (so a test reaches it quickly).
const FAILURES = vi.hoisted(() => {
  process.env.TRUST_PROXY = "1";
  process.env.GATEWAY_AUTH_FAILURES_PER_MINUTE = "20";
  return 20;
});

import { apiKeyPrefix, generateApiKey, hashApiKey } from "@/lib/auth/api-key";
import { getDb } from "@/lib/db";
import { authenticateAppKey, authenticationStats, forgetApiKeys, forgetFailedAuthentications } from "./authenticate";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";

let gw: GatewayFixture;

beforeAll(async () => {
  gw = await startGatewayFixture("auth");
});
afterAll(async () => {
  await gw?.stop();
  delete process.env.TRUST_PROXY;
  delete process.env.GATEWAY_AUTH_FAILURES_PER_MINUTE;
});
beforeEach(() => {
  forgetApiKeys();
  forgetFailedAuthentications();
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
});
afterEach(() => vi.useRealTimers());

const hello = [{ role: "user", content: "hello" }];
const randomToken = () => `sy_${crypto.randomUUID().replaceAll("-", "")}`;
const bearer = (secret: string, forwardedFor?: string) =>
  new Request("http://gateway.test/api/v1/chat/completions", { headers: { authorization: `Bearer ${secret}`, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) } });

async function chat(secret: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${gw.origin}/api/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...headers },
    body: JSON.stringify({ model: "auto", messages: hello }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as { error?: { message: string; type: string; code: string; param?: string } } };
}

async function createKey(data: { featureKeys?: string[]; defaultFeatureKey?: string | null }) {
  const secret = generateApiKey();
  const features = await getDb().feature.findMany({ where: { key: { in: data.featureKeys ?? [] } }, select: { id: true } });
  const row = await getDb().apiKey.create({
    data: { name: `auth test ${secret.slice(3, 9)}`, prefix: apiKeyPrefix(secret), hash: hashApiKey(secret), defaultFeatureKey: data.defaultFeatureKey ?? null, features: { create: features.map((feature) => ({ featureId: feature.id })) } },
  });
  return { secret, id: row.id };
}

async function statusOf(request: Request): Promise<number> {
  try {
    await authenticateAppKey(request);
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe("a key scoped to features", () => {
  it("cannot drop its restricted feature to get the unscoped floor and no budget", async () => {
    await getDb().feature.create({ data: { key: "payroll-assist", name: "Payroll assistant", team: "Finance", owner: "pat@example.com", defaultDataClassKey: "restricted", monthlyBudgetUsd: 10, budgetAction: "block" } });
    await gw.republish();
    const key = await createKey({ featureKeys: ["payroll-assist"] });

    const dropped = await chat(key.secret);
    expect(dropped.status).toBe(400);
    expect(dropped.body.error).toMatchObject({ type: "invalid_request_error", code: "feature_required", param: "feature" });
    expect(dropped.body.error?.message).toContain("payroll-assist");
    expect(gw.local.requests.length + gw.hosted.requests.length + gw.frontier.requests.length).toBe(0);

    const named = await chat(key.secret, { "x-switchyard-feature": "payroll-assist" });
    expect(named.status).toBe(200);
    // Restricted: served on the team's own hardware, never by the hosted or frontier fakes.
    expect(named.headers.get("x-switchyard-tier")).toBe("local");
    expect(gw.hosted.requests.length + gw.frontier.requests.length).toBe(0);

    await gw.flushLedger();
    const record = await getDb().decisionRecord.findFirst({ where: { apiKeyId: key.id, errorCode: "feature_required" } });
    expect(record).not.toBeNull();
  });
});

describe("unknown bearer tokens", () => {
  it("10,000 from one client cost a bounded number of lookups and cache entries", async () => {
    const before = authenticationStats().lookups;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) {
      const status = await statusOf(bearer(randomToken()));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get(401)).toBe(FAILURES);
    expect(statuses.get(429)).toBe(10_000 - FAILURES);
    expect(authenticationStats().lookups - before).toBe(FAILURES);
    expect(authenticationStats().unknownKeys).toBeLessThanOrEqual(FAILURES);
  });

  it("never grow the cache beyond its bound, even from 10,500 different clients", async () => {
    const before = authenticationStats().lookups;
    for (let batch = 0; batch < 21; batch++) {
      await Promise.all(Array.from({ length: 500 }, (_, i) => statusOf(bearer(randomToken(), `10.${batch}.${Math.floor(i / 250)}.${i % 250}`))));
    }
    // Each client stayed under its failure limit, so every token was looked up once…
    expect(authenticationStats().lookups - before).toBe(10_500);
    // …and the negative cache kept at most its bound of them.
    expect(authenticationStats().unknownKeys).toBeLessThanOrEqual(10_000);
    expect(authenticationStats().knownKeys).toBe(0);
  }, 120_000);

  it("a 401 does not contain any part of the presented secret", async () => {
    const secret = "sy_Secr3tPrefix_ABCDEFGHIJKLMNOPQRSTUVWX";
    const answer = await chat(secret);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({ type: "authentication_error", code: "invalid_api_key" });
    expect(answer.text).not.toContain(apiKeyPrefix(secret));
    expect(answer.text).not.toContain("Secr3t");
  });
});

describe("failed authentications", () => {
  it("answer 429 with retry-after once a client is over its limit, without further lookups", async () => {
    const known = await createKey({});
    expect((await chat(known.secret)).status).toBe(200);
    for (let i = 0; i < FAILURES; i++) expect((await chat(randomToken())).status).toBe(401);

    const lookups = authenticationStats().lookups;
    const limited = await chat(randomToken());
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ type: "rate_limit_error", code: "too_many_failed_authentications" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(authenticationStats().lookups).toBe(lookups);

    // A key this process has seen work is still checked (and served) past its five seconds…
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 6_000 });
    expect((await chat(known.secret)).status).toBe(200);
    expect(authenticationStats().lookups).toBe(lookups + 1);
    // …while a key never seen here waits like any other unknown token from this client.
    const fresh = await createKey({});
    expect((await chat(fresh.secret)).status).toBe(429);
  });

  it("are counted per client address behind a trusted proxy", async () => {
    for (let i = 0; i < FAILURES + 1; i++) await statusOf(bearer(randomToken(), "203.0.113.7"));
    expect(await statusOf(bearer(randomToken(), "203.0.113.7"))).toBe(429);
    // A spoofed leftmost entry does not move the attacker to a fresh bucket…
    expect(await statusOf(bearer(randomToken(), "1.2.3.4, 203.0.113.7"))).toBe(429);
    // …and another client is unaffected.
    expect(await statusOf(bearer(randomToken(), "203.0.113.8"))).toBe(401);
  });
});

describe("revocation", () => {
  it("takes effect within the cache's five seconds in another process (no forgetApiKeys)", async () => {
    const key = await createKey({});
    expect(await statusOf(bearer(key.secret))).toBe(200);
    await getDb().apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    expect(await statusOf(bearer(key.secret))).toBe(200); // still cached
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 5_001 });
    expect(await statusOf(bearer(key.secret))).toBe(401);
  });
});
