// Provider secrets cannot be exfiltrated: an engineer cannot point a provider at another host or
// another variable, nobody can name one of Switchyard's own settings as a key variable, and
// neither "Test connection" nor the gateway sends such a variable's value, whatever the row says.
// Through the console's real server actions, with the session of a real user row.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.userId ? { user: { id: session.userId }, expires: new Date(Date.now() + 60_000).toISOString() } : null)),
}));

import { createProviderAction, testConnectionAction, updateProviderAction } from "@/console/providers/actions";
import { getDb } from "@/lib/db";
import { APP_SETTING_NAMES } from "@/lib/env";
import { startGatewayFixture, type GatewayFixture } from "@/lib/gateway/testing/gateway-fixture";
import { startFakeOpenAIServer, type FakeLlmServer } from "@/lib/providers/testing";
import { applyConfigDocument } from "@/lib/config/documents/apply-config-document";
import { loadConfigDocument } from "@/lib/config/documents/load-config-document";

const SESSION_SECRET = "session-signing-secret-for-this-test-only";
const TOGETHER_SECRET = "sk-together-it";

let gw: GatewayFixture;
let saved: FakeLlmServer;
let attacker: FakeLlmServer;
const users = { admin: "", engineer: "" };
const restoreEnv: Record<string, string | undefined> = {};

function setEnv(name: string, value: string) {
  if (!(name in restoreEnv)) restoreEnv[name] = process.env[name];
  process.env[name] = value;
}

const as = (role: keyof typeof users) => {
  session.userId = users[role];
};

const together = (overrides: Record<string, unknown> = {}) => ({
  key: "together", version: 0, name: "Together AI", kind: "openai-compatible", baseUrl: saved.baseUrl, apiKeyEnv: "TOGETHER_IT_API_KEY",
  region: "us", enabled: true, simulatedLatencyMs: "0", simulatedFailureRate: "0", ...overrides,
});

const row = () => getDb().provider.findUniqueOrThrow({ where: { key: "together" } });
const current = async (overrides: Record<string, unknown> = {}) => together({ version: (await row()).version, ...overrides });
const everythingSent = (server: FakeLlmServer) => JSON.stringify(server.requests.map((request) => ({ headers: request.headers, body: request.rawBody, path: request.path })));

beforeAll(async () => {
  gw = await startGatewayFixture("provider-secrets");
  [saved, attacker] = await Promise.all([startFakeOpenAIServer({ apiKey: TOGETHER_SECRET }), startFakeOpenAIServer()]);
  setEnv("NEXTAUTH_SECRET", SESSION_SECRET);
  setEnv("OIDC_CLIENT_SECRET", "oidc-client-secret-for-this-test-only");
  setEnv("TOGETHER_IT_API_KEY", TOGETHER_SECRET);
  const db = getDb();
  users.admin = (await db.user.create({ data: { email: "root@example.com", name: "Root", role: "admin" } })).id;
  users.engineer = (await db.user.create({ data: { email: "eve@example.com", name: "Eve", role: "engineer" } })).id;

  as("admin");
  const created = await createProviderAction(together());
  expect(created).toMatchObject({ ok: true });
  // Disabled: "Test connection" calls it, the gateway's routing never does.
  await db.model.create({
    data: { alias: "together-llama", providerModelId: "meta-llama/Llama-3.3-70B", provider: { connect: { key: "together" } }, tier: { connect: { key: "hosted-open" } }, contextWindow: 8192, enabled: false, inputPricePerMTok: 0.5, outputPricePerMTok: 0.5 },
  });
});
afterAll(async () => {
  for (const [name, value] of Object.entries(restoreEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await Promise.all([saved?.stop(), attacker?.stop(), gw?.stop()]);
});
beforeEach(() => {
  for (const server of [saved, attacker, gw.local, gw.hosted, gw.frontier]) server.reset();
});

describe("saving a provider", () => {
  it("an engineer cannot add a provider that calls the network, least of all with NEXTAUTH_SECRET", async () => {
    as("engineer");
    const answer = await createProviderAction(together({ key: "exfil", baseUrl: "https://attacker.example/v1", apiKeyEnv: "NEXTAUTH_SECRET" }));
    expect(answer).toMatchObject({ ok: false, fieldErrors: { apiKeyEnv: expect.stringMatching(/Only an admin/) } });
    expect(await getDb().provider.findUnique({ where: { key: "exfil" } })).toBeNull();
    // A simulator calls nothing, so engineers may still add one.
    expect(await createProviderAction(together({ key: "engineer-sim", kind: "simulator", baseUrl: "", apiKeyEnv: "" }))).toMatchObject({ ok: true });
  });

  it("an engineer cannot change a provider's base URL, key variable or kind, and the attempt changes nothing", async () => {
    as("engineer");
    const before = await row();
    const changesBefore = await getDb().configChange.count({ where: { entity: "provider", entityKey: "together" } });
    for (const [field, value] of [["apiKeyEnv", "NEXTAUTH_SECRET"], ["apiKeyEnv", "OPENAI_API_KEY"], ["baseUrl", "https://attacker.example/v1"], ["baseUrl", "http://169.254.169.254/latest"], ["kind", "openai"]] as const) {
      const answer = await updateProviderAction(await current({ [field]: value }));
      expect(answer, `${field} = ${value}`).toMatchObject({ ok: false, error: expect.stringMatching(/Only an admin can change/), fieldErrors: { [field]: expect.any(String) } });
    }
    const after = await row();
    expect({ baseUrl: after.baseUrl, apiKeyEnv: after.apiKeyEnv, kind: after.kind, version: after.version }).toEqual({ baseUrl: before.baseUrl, apiKeyEnv: before.apiKeyEnv, kind: before.kind, version: before.version });
    expect(await getDb().configChange.count({ where: { entity: "provider", entityKey: "together" } })).toBe(changesBefore);
  });

  it("an engineer may still edit the other fields", async () => {
    as("engineer");
    expect(await updateProviderAction(await current({ name: "Together (US)", region: "us-east" }))).toMatchObject({ ok: true });
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "provider", entityKey: "together" }, orderBy: { at: "desc" } });
    expect(change).toMatchObject({ actorEmail: "eve@example.com", action: "update", note: null, after: expect.objectContaining({ name: "Together (US)", region: "us-east" }) });
  });

  it("nobody, not even an admin, can name one of Switchyard's own settings as a key variable", async () => {
    as("admin");
    const names = [...APP_SETTING_NAMES, "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"];
    expect(names).toEqual(expect.arrayContaining(["NEXTAUTH_SECRET", "DATABASE_URL", "OIDC_CLIENT_SECRET", "REDIS_URL", "SEED_API_KEY", "SEED_ADMIN_PASSWORD"]));
    for (const name of names) {
      const answer = await updateProviderAction(await current({ apiKeyEnv: name }));
      expect(answer, name).toMatchObject({ ok: false, fieldErrors: { apiKeyEnv: expect.stringContaining("one of Switchyard's own settings") } });
    }
    expect(await createProviderAction(together({ key: "admin-exfil", apiKeyEnv: "DATABASE_URL" }))).toMatchObject({ ok: false, fieldErrors: { apiKeyEnv: expect.any(String) } });
    // Outside the operator's allow-list (default: *_API_KEY / *_KEY, nothing that says SECRET).
    expect(await updateProviderAction(await current({ apiKeyEnv: "AWS_SECRET_ACCESS_KEY" }))).toMatchObject({ ok: false, fieldErrors: { apiKeyEnv: expect.stringContaining("PROVIDER_KEY_ENV_PATTERN") } });
    expect((await row()).apiKeyEnv).toBe("TOGETHER_IT_API_KEY");
  });

  it("refuses base URLs that are not plain http(s) or carry credentials", async () => {
    as("admin");
    for (const baseUrl of ["file:///etc/passwd", "https://user:pass@api.together.xyz/v1", "ftp://api.together.xyz/"]) {
      expect(await updateProviderAction(await current({ baseUrl })), baseUrl).toMatchObject({ ok: false, fieldErrors: { baseUrl: expect.any(String) } });
    }
  });

  it("an admin's change of base URL or key variable is recorded in the change log", async () => {
    as("admin");
    const moved = await startFakeOpenAIServer({ apiKey: TOGETHER_SECRET });
    try {
      expect(await updateProviderAction(await current({ baseUrl: moved.baseUrl }))).toMatchObject({ ok: true });
      const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "provider", entityKey: "together" }, orderBy: { at: "desc" } });
      expect(change).toMatchObject({
        actorEmail: "root@example.com",
        before: expect.objectContaining({ baseUrl: saved.baseUrl }),
        after: expect.objectContaining({ baseUrl: moved.baseUrl }),
        note: expect.stringMatching(/Endpoint set by an admin: base URL/),
      });
    } finally {
      expect(await updateProviderAction(await current({ baseUrl: saved.baseUrl }))).toMatchObject({ ok: true });
      await moved.stop();
    }
  });
});

describe("Test connection", () => {
  it("calls only the saved URL: a URL sent with the request is refused, never used", async () => {
    as("engineer");
    const forged = await testConnectionAction({ providerKey: "together", modelAlias: null, baseUrl: attacker.baseUrl, apiKeyEnv: "NEXTAUTH_SECRET" });
    expect(forged).toMatchObject({ ok: false });
    const answer = await testConnectionAction({ providerKey: "together", modelAlias: null });
    expect(answer).toMatchObject({ ok: true, data: { ok: true, simulated: false } });
    expect(saved.requests).toHaveLength(1);
    expect(saved.requests[0]?.headers.authorization).toBe(`Bearer ${TOGETHER_SECRET}`);
    expect(attacker.requests).toHaveLength(0);
  });

  it("never sends an app setting's value, even when an old row names it and points elsewhere", async () => {
    as("engineer");
    for (const name of ["NEXTAUTH_SECRET", "DATABASE_URL", "OIDC_CLIENT_SECRET"]) {
      // Written behind the services' back, as a row from before this check would be.
      await getDb().provider.update({ where: { key: "together" }, data: { apiKeyEnv: name, baseUrl: attacker.baseUrl } });
      const answer = await testConnectionAction({ providerKey: "together", modelAlias: null });
      expect(answer, name).toMatchObject({ ok: false, error: expect.stringContaining(`${name} is one of Switchyard's own settings`) });
    }
    expect(attacker.requests).toHaveLength(0);
  });

  it("refuses to call a saved URL that carries credentials", async () => {
    as("admin");
    await getDb().provider.update({ where: { key: "together" }, data: { apiKeyEnv: "TOGETHER_IT_API_KEY", baseUrl: attacker.baseUrl.replace("http://", "http://leak:me@") } });
    expect(await testConnectionAction({ providerKey: "together", modelAlias: null })).toMatchObject({ ok: false, error: expect.stringMatching(/credentials/) });
    expect(attacker.requests).toHaveLength(0);
    await getDb().provider.update({ where: { key: "together" }, data: { baseUrl: saved.baseUrl } });
  });
});

describe("the gateway", () => {
  it("refuses a config document that names an app setting, or that an engineer uses to move a provider", async () => {
    const document = await loadConfigDocument();
    const local = document.providers.find((provider) => provider.key === "fake-local")!;
    await expect(applyConfigDocument({ ...document, providers: document.providers.map((provider) => (provider === local ? { ...provider, apiKeyEnv: "NEXTAUTH_SECRET" } : provider)) }, { actor: { id: null, email: "ops@example.com" }, note: "names NEXTAUTH_SECRET" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: expect.stringContaining("apiKeyEnv") })],
    });
    const moved = { ...document, providers: document.providers.map((provider) => (provider === local ? { ...provider, baseUrl: attacker.baseUrl } : provider)) };
    await expect(applyConfigDocument(moved, { actor: { id: null, email: "eli@example.com" }, note: "point local elsewhere", role: "engineer" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringContaining("Only an admin") })],
    });
  });

  it("does not read an app setting for a call, even when a row names it (written before the rules existed)", async () => {
    await getDb().provider.update({ where: { key: "fake-local" }, data: { apiKeyEnv: "NEXTAUTH_SECRET" } });
    await gw.republish();

    const response = await fetch(`${gw.origin}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "tier:local", messages: [{ role: "user", content: "hello" }] }),
    });
    await response.text();
    // The local fake was called (an OpenAI-compatible server may take no key) but never with the secret.
    expect(gw.local.requests.length).toBeGreaterThan(0);
    for (const server of [gw.local, gw.hosted, gw.frontier]) expect(everythingSent(server)).not.toContain(SESSION_SECRET);
  });
});
