// Portkey's open-source gateway (npm @portkey-ai/gateway) as a peer for bench/peer.ts: installed
// into a scratch folder outside the project (never a dependency of Switchyard), reused when the
// right version is already there, and started on Node on a loopback port.
//
// How it is started, from its package: `bin` is build/start-server.js, which takes `--port=N`
// (8787 by default) and `--headless` (no console UI and no /log/stream endpoint for it). Without
// NODE_ENV=production it also mounts that UI. There is no switch for the in-process request log
// middleware (it clones and parses every JSON response for log clients); it runs as shipped.
// The CLI has no host option and @hono/node-server listens on every interface, so a preload
// (`--import`) binds the listening socket to 127.0.0.1.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { childEnv, freePort, onCleanup, sleep } from "./process";

export const PORTKEY_PACKAGE = "@portkey-ai/gateway";
export const PORTKEY_VERSION = "1.15.2";

const LOOPBACK_PRELOAD = `// Written by Switchyard's bench/lib/portkey.ts: binds a server that listens on a bare port to loopback.
import net from "node:net";
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function" || args[1] === undefined)) {
    if (args[1] === undefined && args.length > 1) args.splice(1, 1);
    args.splice(1, 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
`;

export interface PortkeyInstall {
  dir: string;
  entry: string;
  version: string;
  /** False when a previous run's install was reused. */
  installed: boolean;
  installMs: number;
}

/** `$TMPDIR/switchyard-peers/portkey`, installed with `npm install --prefix` unless already there. */
export function installPortkey(): PortkeyInstall {
  const dir = path.join(process.env.TMPDIR || os.tmpdir(), "switchyard-peers", "portkey");
  const packageDir = path.join(dir, "node_modules", ...PORTKEY_PACKAGE.split("/"));
  const entry = path.join(packageDir, "build", "start-server.js");
  const installedVersion = () => {
    try {
      return (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version?: string }).version ?? null;
    } catch {
      return null;
    }
  };
  const started = Date.now();
  let installed = false;
  if (installedVersion() !== PORTKEY_VERSION || !existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    console.log(`installing ${PORTKEY_PACKAGE}@${PORTKEY_VERSION} into ${dir}…`);
    const result = spawnSync("npm", ["install", "--prefix", dir, `${PORTKEY_PACKAGE}@${PORTKEY_VERSION}`, "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 300_000,
    });
    if (result.status !== 0 || installedVersion() !== PORTKEY_VERSION) throw new Error(`npm install of ${PORTKEY_PACKAGE}@${PORTKEY_VERSION} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    installed = true;
  }
  writeFileSync(path.join(dir, "loopback.mjs"), LOOPBACK_PRELOAD);
  return { dir, entry, version: PORTKEY_VERSION, installed, installMs: Date.now() - started };
}

export interface RunningPortkey {
  port: number;
  pid: number | undefined;
  logFile: string;
  exited: () => { code: number | null; signal: string | null } | null;
}

export async function startPortkey(install: PortkeyInstall, logFile: string): Promise<RunningPortkey> {
  const port = await freePort();
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", path.join(install.dir, "loopback.mjs"), install.entry, `--port=${port}`, "--headless"], {
    cwd: install.dir,
    // No proxy from the environment: Portkey would send the mock's traffic through it.
    env: childEnv({ NODE_ENV: "production", NODE_OPTIONS: undefined, HTTP_PROXY: undefined, HTTPS_PROXY: undefined, http_proxy: undefined, https_proxy: undefined }),
    stdio: ["ignore", log, log],
  });
  let exit: { code: number | null; signal: string | null } | null = null;
  const gone = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  onCleanup("stop portkey", async () => {
    if (exit) return;
    child.kill("SIGTERM");
    if (await Promise.race([gone.then(() => false), sleep(5_000).then(() => true)])) child.kill("SIGKILL");
  });
  const readyBy = Date.now() + 30_000;
  for (;;) {
    if (exit) throw new Error(`Portkey exited early (${JSON.stringify(exit)}); see ${logFile}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok && (await response.text()).includes("AI Gateway")) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > readyBy) throw new Error(`Portkey not answering after 30 s; see ${logFile}`);
    await sleep(200);
  }
  return { port, pid: child.pid, logFile, exited: () => exit };
}

/** The headers that make Portkey forward an OpenAI chat request to the mock as a custom OpenAI host. */
export function portkeyHeaders(mockPort: number, mockKey: string): Record<string, string> {
  return { "x-portkey-provider": "openai", "x-portkey-custom-host": `http://127.0.0.1:${mockPort}/v1`, authorization: `Bearer ${mockKey}` };
}
