// The bridge answers failures the way the Prisma CLI expects from its native engine.
import { execFile, spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { once } from "node:events";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { runPrismaCli } from "@/lib/testing/database";

const BRIDGE = fileURLToPath(new URL("./schema-engine.mjs", import.meta.url));
const UNREACHABLE = "postgresql://postgres@127.0.0.1:1/nowhere";

/** Starts the bridge as the CLI does and sends it JSON-RPC requests, one per line. */
function startBridge(url: string) {
  const child = spawn(BRIDGE, ["--datasource", JSON.stringify({ url })], { stdio: ["pipe", "pipe", "ignore"] });
  const responses = new Map<number, (response: Record<string, unknown>) => void>();
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const message = JSON.parse(line) as { id: number };
    responses.get(message.id)?.(message);
  });
  let nextId = 1;
  return {
    request(method: string, params: unknown): Promise<Record<string, unknown>> {
      const id = nextId++;
      const response = new Promise<Record<string, unknown>>((resolve) => responses.set(id, resolve));
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
      return response;
    },
    /** Ends stdin, as the CLI does when it is done; resolves with the exit code. */
    async close(): Promise<number | null> {
      child.stdin.end();
      const [code] = await once(child, "exit");
      return code as number | null;
    },
  };
}

describe("schema engine bridge", () => {
  it("is executable, since the CLI spawns it directly", () => {
    expect(() => accessSync(BRIDGE, constants.X_OK)).not.toThrow();
  });

  it("answers a failing request with error 4466 and the engine's message, and keeps serving", async () => {
    const bridge = startBridge(inject("databaseUrl"));
    const failed = await bridge.request("dbExecute", {
      datasourceType: { tag: "url", url: inject("databaseUrl") },
      script: "SELECT * FROM missing_table",
    });
    expect(failed).toMatchObject({
      id: 1,
      error: { code: 4466, data: { is_panic: false, message: expect.stringContaining("missing_table") } },
    });

    expect(await bridge.request("noSuchMethod", {})).toMatchObject({ id: 2, error: { code: -32601 } });
    expect(await bridge.request("ensureConnectionValidity", { datasource: { tag: "ConnectionString", url: inject("databaseUrl") } }))
      .toMatchObject({ id: 3, result: {} });
    expect(await bridge.close()).toBe(0);
  });

  it("reports a missing database as P1003, which `migrate dev` answers by creating it", async () => {
    const missing = new URL(inject("databaseUrl"));
    missing.pathname = "/switchyard_it_does_not_exist";
    const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(BRIDGE, ["--datasource", JSON.stringify({ url: missing.toString() }), "cli", "can-connect-to-database"], (error, _stdout, stderr) =>
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stderr }),
      ),
    );
    expect(result.code).toBe(1);
    // The CLI skips the first line and looks for an ERROR line with error_code and message.
    const [, ...lines] = result.stderr.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: "ERROR", fields: expect.objectContaining({ error_code: "P1003" }) }),
    );
  });

  it("makes `prisma migrate deploy` fail fast and readably when the database is unreachable", async () => {
    const started = Date.now();
    const deploy = await runPrismaCli(["migrate", "deploy"], { DATABASE_URL: UNREACHABLE });
    expect(deploy.code).toBe(1);
    expect(deploy.stderr).toContain("P1001: Can't reach database server at `127.0.0.1:1`");
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
