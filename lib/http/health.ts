import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { databaseStatus, reportDatabaseDown, reportDatabaseUp } from "@/lib/gateway/instance/database-status";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import { parseOrThrow, queryObject } from "./validation";

const querySchema = z.strictObject({});

const VERSION = "0.1.0";
const noStore = { "cache-control": "no-store" };

async function probeDatabase(): Promise<{ status: "ok" | "down"; latencyMs: number; embedded: boolean; error?: string }> {
  const started = performance.now();
  const embedded = env.SWITCHYARD_EMBEDDED_DB === "1";
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2_000)),
    ]);
    reportDatabaseUp();
    return { status: "ok", latencyMs: Math.round(performance.now() - started), embedded };
  } catch (error) {
    reportDatabaseDown(error, "health probe");
    return { status: "down", latencyMs: Math.round(performance.now() - started), embedded, error: error instanceof Error && error.message.includes("timed out") ? "timed out after 2 s" : "not reachable" };
  }
}

/** What the gateway holds in memory to serve through an outage; the same figures the console banner shows. */
export function gatewayState() {
  const runtime = gatewayRuntime();
  const journal = runtime.journal.stats();
  const status = databaseStatus();
  return {
    database: { reachable: status.reachable, downSince: status.downSince?.toISOString() ?? null },
    /** Decision records answered but not yet in PostgreSQL (journaled on this machine's disk). */
    recordsWaiting: journal.waiting,
    journalFull: runtime.journal.full,
    journalMaxRecords: journal.maxRecords,
    policyLoaded: runtime.policy.loadedVersion() !== null,
    policyVersion: runtime.policy.loadedVersion(),
    budgets: runtime.spend.mode(),
  };
}

/**
 * GET /api/health — the app, the database (probed) and the gateway's state. "degraded" (503)
 * while the database is unreachable: the gateway still serves from memory and journals its
 * records; `recordsWaiting` says how many are not in PostgreSQL yet.
 */
export async function getHealth(request: Request): Promise<Response> {
  parseOrThrow(querySchema, queryObject(request.url), "query");
  const database = await probeDatabase();
  const gateway = gatewayState();
  const ok = database.status === "ok" && !gateway.journalFull;
  return Response.json(
    { status: ok ? "ok" : "degraded", app: { status: "ok", version: VERSION }, database: { ...database, downSince: gateway.database.downSince }, gateway },
    { status: ok ? 200 : 503, headers: noStore },
  );
}

/** GET /api/health/live — the process answers HTTP. Touches nothing else: a load balancer restarts on its failure. */
export async function getLiveness(request: Request): Promise<Response> {
  parseOrThrow(querySchema, queryObject(request.url), "query");
  return Response.json({ status: "ok" }, { headers: noStore });
}

/**
 * GET /api/health/ready — this instance can serve gateway traffic: it holds a published policy
 * and its journal has room. A database outage alone does not make it unready (it serves from
 * memory), so a load balancer keeps sending traffic to it.
 */
export async function getReadiness(request: Request): Promise<Response> {
  parseOrThrow(querySchema, queryObject(request.url), "query");
  const runtime = gatewayRuntime();
  if (runtime.policy.loadedVersion() === null) await runtime.policy.current().catch(() => undefined);
  const gateway = gatewayState();
  const ready = gateway.policyLoaded && !gateway.journalFull;
  const reason = !gateway.policyLoaded ? "no published policy loaded yet" : gateway.journalFull ? "the decision journal is full" : null;
  return Response.json({ status: ready ? "ready" : "not_ready", ...(reason ? { reason } : {}), gateway }, { status: ready ? 200 : 503, headers: noStore });
}
