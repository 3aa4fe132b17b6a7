// Starts lib/gateway/testing/gateway-process.ts as a child process and stops it, for tests that
// kill gateways or run several behind a load balancer.
import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "@/lib/testing/database";

export interface GatewayChild {
  origin: string;
  process: ChildProcess;
  /** Sends the signal and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface GatewayChildSettings {
  databaseUrl: string;
  journalDir: string;
  upstreamUrl: string;
  appKey: string;
  port: number;
  /** Seed, create the key and publish (the first instance of a test). */
  setUp: boolean;
  /** Extra environment, e.g. REDIS_URL and REDIS_KEY_PREFIX. */
  env?: Record<string, string>;
}

export function startGatewayChild(settings: GatewayChildSettings): Promise<GatewayChild> {
  // node itself with tsx's loader, not the tsx CLI: that runs the script in a child process of
  // its own, which SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/gateway/testing/gateway-process.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      REDIS_URL: "",
      ...settings.env,
      DATABASE_URL: settings.databaseUrl,
      JOURNAL_DIR: settings.journalDir,
      UPSTREAM_URL: settings.upstreamUrl,
      GATEWAY_TEST_KEY: settings.appKey,
      GATEWAY_SETUP: settings.setUp ? "1" : "0",
      GATEWAY_PORT: String(settings.port),
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = (signal: NodeJS.Signals = "SIGKILL") =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start within 60 s:\n${stderr}`)), 60_000);
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n").find((entry) => entry.startsWith('{"origin"'));
      if (line) {
        clearTimeout(timer);
        resolve({ origin: (JSON.parse(line) as { origin: string }).origin, process: child, stop });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited with ${code}:\n${stderr}`));
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
