// A gateway in a process of its own, for tests that kill it (kill -9) or take its database
// away: the seed's configuration with every model served by one fake OpenAI-compatible upstream,
// one app key, served over HTTP by the same handlers as production (http-adapter.ts).
// Run with: tsx --conditions=react-server lib/gateway/testing/gateway-process.ts
// Settings (environment): DATABASE_URL, JOURNAL_DIR, GATEWAY_PORT, UPSTREAM_URL,
// GATEWAY_TEST_KEY, and GATEWAY_SETUP=1 on the first start (seed, key, publish).
// Prints one JSON line {"origin": …} once it serves.
import { apiKeyPrefix, hashApiKey } from "@/lib/auth/api-key";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { gatewayRuntime } from "../instance/runtime";
import { startGatewayServer } from "./http-adapter";

const UPSTREAM_KEY = "upstream-secret";

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function setUp(upstreamUrl: string, appKey: string) {
  const db = getDb();
  await seedRoutingConfig(db);
  process.env.FAKE_UPSTREAM_KEY = UPSTREAM_KEY;
  const provider = await db.provider.upsert({
    where: { key: "fake-upstream" },
    create: { key: "fake-upstream", name: "Fake upstream", kind: "openai_compatible", baseUrl: upstreamUrl, apiKeyEnv: "FAKE_UPSTREAM_KEY", region: "on-prem" },
    update: { baseUrl: upstreamUrl },
  });
  await db.model.updateMany({ data: { providerId: provider.id, enabled: true } });
  await db.feature.updateMany({ data: { monthlyBudgetUsd: 1000, budgetAction: "downgrade" } });
  const features = await db.feature.findMany({ select: { id: true } });
  const hash = hashApiKey(appKey);
  if (!(await db.apiKey.findUnique({ where: { hash } }))) {
    await db.apiKey.create({
      data: { name: "Resilience test", prefix: apiKeyPrefix(appKey), hash, defaultFeatureKey: "support-summaries", features: { create: features.map((feature) => ({ featureId: feature.id })) } },
    });
  }
  await publishPolicy({ note: "gateway-process test", actor: { id: null, email: "test" } });
}

async function main() {
  process.env.FAKE_UPSTREAM_KEY = UPSTREAM_KEY;
  if (process.env.GATEWAY_SETUP === "1") await setUp(setting("UPSTREAM_URL"), setting("GATEWAY_TEST_KEY"));
  const runtime = gatewayRuntime();
  await runtime.policy.current();
  const server = await startGatewayServer(Number(process.env.GATEWAY_PORT ?? 0));
  console.log(JSON.stringify({ origin: server.origin }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
