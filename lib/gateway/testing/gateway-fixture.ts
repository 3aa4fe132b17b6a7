// A gateway wired to fake upstreams: the seed's configuration with every tier's provider
// pointed at a local fake server that speaks its wire protocol, published as a new policy.
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { apiKeyPrefix, hashApiKey } from "@/lib/auth/api-key";
import { getDb } from "@/lib/db";
import { startFakeAnthropicServer, startFakeOpenAIServer, type FakeLlmServer } from "@/lib/providers/testing";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { gatewayRuntime } from "../instance/runtime";
import { startGatewayServer } from "./http-adapter";

export interface GatewayFixture {
  origin: string;
  apiKey: string;
  keyId: string;
  local: FakeLlmServer;
  hosted: FakeLlmServer;
  frontier: FakeLlmServer;
  /** Publishes the current configuration and makes the gateway serve it now. */
  republish(): Promise<number>;
  /** Closes every circuit, so one test's provider failures do not leak into the next. */
  resetHealth(): void;
  /** Waits until every queued decision record is in the database. */
  flushLedger(): Promise<void>;
  stop(): Promise<void>;
}

const SECRETS = { local: "local-secret", hosted: "hosted-secret", frontier: "frontier-secret" };

export async function startGatewayFixture(name: string): Promise<GatewayFixture> {
  const db = getDb();
  await seedRoutingConfig(db);
  const [local, hosted, frontier] = await Promise.all([
    startFakeOpenAIServer({ apiKey: SECRETS.local }),
    startFakeOpenAIServer({ apiKey: SECRETS.hosted }),
    startFakeAnthropicServer({ apiKey: SECRETS.frontier }),
  ]);
  // Secrets live in the environment, by name, as in production.
  process.env.FAKE_LOCAL_KEY = SECRETS.local;
  process.env.FAKE_HOSTED_KEY = SECRETS.hosted;
  process.env.FAKE_FRONTIER_KEY = SECRETS.frontier;
  const providers = [
    { tier: "local", key: "fake-local", kind: "openai_compatible" as const, baseUrl: local.baseUrl, apiKeyEnv: "FAKE_LOCAL_KEY", region: "on-prem" },
    { tier: "hosted-open", key: "fake-hosted", kind: "openai_compatible" as const, baseUrl: hosted.baseUrl, apiKeyEnv: "FAKE_HOSTED_KEY", region: "us" },
    { tier: "frontier", key: "fake-frontier", kind: "anthropic" as const, baseUrl: frontier.baseUrl, apiKeyEnv: "FAKE_FRONTIER_KEY", region: "us" },
  ];
  for (const provider of providers) {
    const row = await db.provider.upsert({
      where: { key: provider.key },
      create: { key: provider.key, name: `Fake ${provider.tier}`, kind: provider.kind, baseUrl: provider.baseUrl, apiKeyEnv: provider.apiKeyEnv, region: provider.region },
      update: { baseUrl: provider.baseUrl, apiKeyEnv: provider.apiKeyEnv },
    });
    await db.model.updateMany({ where: { tier: { key: provider.tier } }, data: { providerId: row.id, enabled: true } });
  }
  await db.feature.updateMany({ data: { monthlyBudgetUsd: 1000, budgetAction: "downgrade" } });
  const apiKey = `sy_test_${name}_${Date.now()}`;
  const features = await db.feature.findMany({ select: { id: true } });
  const key = await db.apiKey.create({
    data: { name: `Test key ${name}`, prefix: apiKeyPrefix(apiKey) + Date.now(), hash: hashApiKey(apiKey), defaultFeatureKey: "support-summaries", features: { create: features.map((feature) => ({ featureId: feature.id })) } },
  });

  const runtime = gatewayRuntime();
  const republish = async () => {
    const number = await publishPolicy({ note: `test ${name}`, actor: { id: null, email: "test" } });
    await runtime.policy.refresh();
    runtime.breaker.reset();
    return number;
  };
  await republish();
  const server = await startGatewayServer();
  return {
    origin: server.origin,
    apiKey,
    keyId: key.id,
    local,
    hosted,
    frontier,
    republish,
    resetHealth: () => runtime.breaker.reset(),
    flushLedger: () => runtime.ledger.flush(),
    async stop() {
      await runtime.ledger.flush();
      await Promise.all([server.stop(), local.stop(), hosted.stop(), frontier.stop()]);
    },
  };
}
