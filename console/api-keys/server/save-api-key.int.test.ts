// App key services: the secret is returned once and only its hash is stored; scope edits and
// revocation take effect in the gateway's authentication at once (after forgetApiKeys).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/auth/api-key";
import { disconnectDb, getDb } from "@/lib/db";
import { authenticateAppKey, forgetApiKeys } from "@/lib/gateway/auth/authenticate";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { listApiKeys } from "./list-api-keys";
import { createApiKey, revokeApiKey, updateApiKey } from "./save-api-key";
import { createApiKeySchema } from "../schema";
import { StaleEditError } from "@/lib/forms/stale-edit";

const engineer = { id: null, email: "eng@example.com" };
const bearer = (secret: string) => new Request("http://gateway.test/api/route", { headers: { authorization: `Bearer ${secret}` } });

let key: { id: string; prefix: string; secret: string };
let loadedAt: string;

beforeAll(async () => {
  await seedRoutingConfig(getDb());
});
afterAll(() => disconnectDb());

describe("app keys", () => {
  it("creates a key whose secret is returned once and stored only as a hash", async () => {
    key = await createApiKey(createApiKeySchema.parse({ name: "Billing bot", featureKeys: ["support-summaries", "code-assist"], defaultFeatureKey: "code-assist", rateLimitPerMinute: "60" }), engineer);
    expect(key.secret).toMatch(/^sy_/);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.hash).toBe(hashApiKey(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "api key", entityKey: key.prefix } });
    expect(JSON.stringify(change)).not.toContain(key.secret);
    expect(JSON.stringify(change)).not.toContain(row.hash);
    const seen = await authenticateAppKey(bearer(key.secret));
    expect(seen).toMatchObject({ defaultFeatureKey: "code-assist", rateLimitPerMinute: 60 });
    expect([...seen.featureKeys].sort()).toEqual(["code-assist", "support-summaries"]);
    // The console page that would show this key is loaded after it was created.
    loadedAt = new Date().toISOString();
  });

  it("refuses a default feature outside the scope", () => {
    const parsed = createApiKeySchema.safeParse({ name: "Bad", featureKeys: ["code-assist"], defaultFeatureKey: "support-summaries", rateLimitPerMinute: "" });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["defaultFeatureKey"] });
  });

  it("re-scopes a key; a form loaded before that change is refused as stale", async () => {
    await updateApiKey({ id: key.id, seenAt: loadedAt, name: "Billing bot", featureKeys: [], defaultFeatureKey: null, rateLimitPerMinute: null }, engineer);
    forgetApiKeys();
    expect(await authenticateAppKey(bearer(key.secret))).toMatchObject({ featureKeys: [], defaultFeatureKey: null, rateLimitPerMinute: null });
    const stale = updateApiKey({ id: key.id, seenAt: loadedAt, name: "Renamed", featureKeys: [], defaultFeatureKey: null, rateLimitPerMinute: 5 }, { id: null, email: "late@example.com" });
    await expect(stale).rejects.toBeInstanceOf(StaleEditError);
    await expect(stale).rejects.toThrow(/changed by eng@example\.com at .* — reload/);
  });

  it("revokes a key: the gateway refuses it from then on, and it cannot be edited", async () => {
    await revokeApiKey({ id: key.id }, engineer);
    forgetApiKeys();
    await expect(authenticateAppKey(bearer(key.secret))).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
    const row = (await listApiKeys()).find((entry) => entry.id === key.id)!;
    expect(row.revokedAt).not.toBeNull();
    await expect(updateApiKey({ id: key.id, seenAt: new Date().toISOString(), name: "x y", featureKeys: [], defaultFeatureKey: null, rateLimitPerMinute: null }, engineer)).rejects.toThrow(/revoked/);
  });
});
