// Two gateway instances behind a real HAProxy (Debian's package; `npm test` installs it),
// sharing this file's PostgreSQL database and the real Redis on 127.0.0.1:6379 under a key
// prefix of their own: a publish reaches both within a second, a small budget driven from both
// at once overshoots by at most one request's worst case, and with one instance killed under
// load the other keeps serving and no answered request loses its record.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haproxyConfig } from "@/lib/cluster/haproxy-config";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { getDb } from "@/lib/db";
import { startFakeOpenAIServer, type FakeLlmServer } from "@/lib/providers/testing";
import { startGatewayChild, waitFor, type GatewayChild } from "./testing/gateway-child";
import { runLoad } from "./testing/load";

const HAPROXY = "/usr/sbin/haproxy";
// Below the kernel's ephemeral range, so restarts never find a port taken by a client socket.
const BASE_PORT = 26_000 + (process.pid % 300) * 3;
const PORTS = { balancer: BASE_PORT, a: BASE_PORT + 1, b: BASE_PORT + 2 };
const APP_KEY = `sy_cluster_${Date.now()}`;
const PREFIX = `switchyard-test-${process.pid}-${Date.now()}`;

let upstream: FakeLlmServer;
let redis: Redis;
let balancer: ChildProcess;
let scratch: string;
const instances: Record<"a" | "b", GatewayChild | null> = { a: null, b: null };
const origin = `http://127.0.0.1:${PORTS.balancer}`;

function startInstance(name: "a" | "b", setUp: boolean): Promise<GatewayChild> {
  return startGatewayChild({
    databaseUrl: process.env.DATABASE_URL!,
    journalDir: path.join(scratch, `journal-${name}`),
    upstreamUrl: upstream.baseUrl,
    appKey: APP_KEY,
    port: PORTS[name],
    setUp,
    env: { REDIS_URL: "redis://127.0.0.1:6379", REDIS_KEY_PREFIX: PREFIX },
  }).then((child) => (instances[name] = child));
}

const policyVersionOf = async (port: number): Promise<number | null> => {
  const response = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
  return ((await response.json()) as { gateway: { policyVersion: number | null } }).gateway.policyVersion;
};

/** Publishes as the console does: a new version, then the announcement every instance hears. */
async function publishAndAnnounce(note: string): Promise<number> {
  const version = await publishPolicy({ note, actor: { id: null, email: "test" } });
  await redis.publish(`${PREFIX}:event:policy-published`, "");
  return version;
}

beforeAll(async () => {
  if (!fs.existsSync(HAPROXY)) throw new Error("HAProxy is not installed: npm test installs it (apt-get install -y haproxy).");
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-cluster-"));
  upstream = await startFakeOpenAIServer({ apiKey: "upstream-secret" });
  redis = new Redis("redis://127.0.0.1:6379");
  await startInstance("a", true);
  await startInstance("b", false);
  const config = path.join(scratch, "haproxy.cfg");
  fs.writeFileSync(config, haproxyConfig({ bind: `127.0.0.1:${PORTS.balancer}`, instances: [`127.0.0.1:${PORTS.a}`, `127.0.0.1:${PORTS.b}`], maxConnPerInstance: 256 }));
  balancer = spawn(HAPROXY, ["-db", "-f", config], { stdio: "ignore" });
  await waitFor("HAProxy to see both instances ready", async () => ((await fetch(`${origin}/api/health/ready`)).status === 200 ? true : null), 20_000);
}, 120_000);

afterAll(async () => {
  await Promise.all([instances.a?.stop(), instances.b?.stop()]);
  balancer?.kill("SIGKILL");
  await upstream?.stop();
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis?.disconnect();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("two instances behind HAProxy", () => {
  it("a publish reaches both instances within a second", async () => {
    const before = await policyVersionOf(PORTS.a);
    expect(await policyVersionOf(PORTS.b)).toBe(before);
    const version = await publishPolicy({ note: "cluster test: switch", actor: { id: null, email: "test" } });
    // From the moment the version is committed, as the console's publish returns.
    const started = Date.now();
    await redis.publish(`${PREFIX}:event:policy-published`, "");
    const switched = await waitFor("both instances on the new version", async () => ((await policyVersionOf(PORTS.a)) === version && (await policyVersionOf(PORTS.b)) === version ? Date.now() - started : null), 5_000, 20);
    expect(switched).toBeLessThan(1_000);
  });

  it("a small budget driven from both at once overshoots by at most one request's worst case", async () => {
    const usage = { inputTokens: 20, outputTokens: 1_000 };
    upstream.setReply({ text: "A long report.", usage });
    const model = await getDb().model.findFirstOrThrow({ where: { tier: { key: "frontier" }, enabled: true, kind: "chat" }, orderBy: { priority: "asc" } });
    const perRequest = (usage.inputTokens * Number(model.inputPricePerMTok) + usage.outputTokens * Number(model.outputPricePerMTok)) / 1e6;
    const budget = perRequest * 3.5;
    await getDb().feature.update({ where: { key: "support-summaries" }, data: { monthlyBudgetUsd: budget, budgetAction: "block" } });
    const version = await publishAndAnnounce("cluster test: small budget");
    await waitFor("both on the budget", async () => ((await policyVersionOf(PORTS.a)) === version && (await policyVersionOf(PORTS.b)) === version ? true : null), 5_000, 20);

    // Half the burst straight to each instance: both decide at the same moment.
    const ask = (port: number) =>
      fetch(`http://127.0.0.1:${port}/api/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${APP_KEY}`, "content-type": "application/json", "x-switchyard-feature": "support-summaries" },
        body: JSON.stringify({ model: model.alias, max_tokens: 1_000, messages: [{ role: "user", content: "Write the long report." }] }),
      }).then((response) => response.status);
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, index) => ask(index % 2 === 0 ? PORTS.a : PORTS.b)));
    const admitted = statuses.filter((status) => status === 200).length;
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    // Without shared reservations each instance would admit all of its 15 (or at least 3–4 each).
    expect(admitted).toBeGreaterThanOrEqual(3);
    expect(admitted).toBeLessThanOrEqual(4);
    const spent = await waitFor("the admitted requests' records", async () => {
      const rows = await getDb().decisionRecord.findMany({ where: { featureKey: "support-summaries", requestedModel: model.alias, httpStatus: 200 }, select: { costUsd: true } });
      return rows.length === admitted ? rows.reduce((sum, row) => sum + Number(row.costUsd), 0) : null;
    }, 10_000);
    expect(spent - budget).toBeLessThanOrEqual(perRequest + 1e-9);

    await getDb().feature.update({ where: { key: "support-summaries" }, data: { monthlyBudgetUsd: 1_000, budgetAction: "downgrade" } });
    const reset = await publishAndAnnounce("cluster test: budget back");
    await waitFor("both back", async () => ((await policyVersionOf(PORTS.a)) === reset && (await policyVersionOf(PORTS.b)) === reset ? true : null), 5_000, 20);
    upstream.setReply({});
  });

  it("one instance killed under load: the other keeps serving, and every answered request keeps its record", async () => {
    const load = runLoad({ origin: () => origin, apiKey: APP_KEY, ratePerSecond: 40, durationMs: 6_000, timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const killedAt = Date.now();
    await instances.b!.stop("SIGKILL");
    const outcomes = await load;
    // Requests in flight on the killed instance at that moment are lost to their clients (never
    // answered); everything else is served by the survivor, new connections redispatched at once.
    const failedAfter = outcomes.filter((outcome) => outcome.status !== 200 && outcome.at > killedAt + 1_000);
    expect(failedAfter).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status === 200).length).toBeGreaterThan(200);

    // The killed instance comes back (as an orchestrator restarts it) and replays its journal.
    await startInstance("b", false);
    const ids = outcomes.filter((outcome) => outcome.status === 200 && outcome.decisionId).map((outcome) => outcome.decisionId!);
    await waitFor("every answered request's record", async () => ((await getDb().decisionRecord.count({ where: { id: { in: ids } } })) === ids.length ? true : null), 30_000);
  });
});
