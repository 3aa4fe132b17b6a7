import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { parseOrThrow, queryObject } from "./validation";

const querySchema = z.strictObject({});

const VERSION = "0.1.0";

/** GET /api/health — the app is up; the database answers a query within the timeout. */
export async function getHealth(request: Request): Promise<Response> {
  parseOrThrow(querySchema, queryObject(request.url), "query");
  const started = performance.now();
  let database: { status: "ok" | "down"; latencyMs: number; embedded: boolean; error?: string };
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2_000)),
    ]);
    database = { status: "ok", latencyMs: Math.round(performance.now() - started), embedded: env.SWITCHYARD_EMBEDDED_DB === "1" };
  } catch (error) {
    database = {
      status: "down",
      latencyMs: Math.round(performance.now() - started),
      embedded: env.SWITCHYARD_EMBEDDED_DB === "1",
      error: error instanceof Error && error.message.includes("timed out") ? "timed out after 2 s" : "not reachable",
    };
  }
  const ok = database.status === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", app: { status: "ok", version: VERSION }, database },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
