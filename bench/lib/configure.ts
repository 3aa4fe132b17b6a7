// Run by bench/gateway.ts as its own process (so lib/env reads this database's DATABASE_URL):
// points every model at the bench mock, raises every budget out of reach, creates an app key
// without a rate limit and publishes the result as a new policy version. Prints one JSON line.
//
//   DATABASE_URL=… BENCH_MOCK_BASE_URL=http://127.0.0.1:PORT/v1 BENCH_KEY_SECRET=sy_… \
//     npx tsx --conditions=react-server bench/lib/configure.ts
import { apiKeyPrefix, hashApiKey } from "@/lib/auth/api-key";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { disconnectDb, getDb } from "@/lib/db";

async function main() {
  const baseUrl = process.env.BENCH_MOCK_BASE_URL;
  const secret = process.env.BENCH_KEY_SECRET;
  if (!baseUrl || !secret) throw new Error("BENCH_MOCK_BASE_URL and BENCH_KEY_SECRET are required");
  const db = getDb();
  // One OpenAI-compatible provider for every tier; region on-prem, so every data class may use it.
  const provider = await db.provider.create({
    data: { key: "bench-mock", name: "Bench mock upstream", kind: "openai_compatible", baseUrl, apiKeyEnv: "BENCH_MOCK_KEY", region: "on-prem" },
  });
  const models = await db.model.updateMany({ data: { providerId: provider.id, enabled: true } });
  // Far out of reach, but still a budget: the budget check runs as it does in production.
  await db.feature.updateMany({ data: { monthlyBudgetUsd: 1_000_000_000 } });
  const features = await db.feature.findMany({ select: { id: true } });
  const key = await db.apiKey.create({
    data: {
      name: "Bench key",
      prefix: apiKeyPrefix(secret),
      hash: hashApiKey(secret),
      rateLimitPerMinute: null,
      defaultFeatureKey: "support-summaries",
      features: { create: features.map((feature) => ({ featureId: feature.id })) },
    },
  });
  const policyVersion = await publishPolicy({ note: "bench: every model on the mock upstream", actor: { id: null, email: "bench" } });
  console.log(JSON.stringify({ keyId: key.id, policyVersion, models: models.count }));
}

main()
  .then(() => disconnectDb())
  .catch(async (error: unknown) => {
    console.error(error);
    await disconnectDb();
    process.exit(1);
  });
