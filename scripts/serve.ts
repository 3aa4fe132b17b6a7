// Switchyard's production server, in place of `next start`: `tsx scripts/serve.ts [-p PORT] [-H HOST]`
// after `next build`. Gateway paths go to their handlers directly, the rest to Next
// (lib/http/gateway-server.ts says why). Settings: PORT, NEXT_DIST_DIR, as for `next start`.
import path from "node:path";
import next from "next";
import { env, setProcessEnv } from "../lib/env";
import { createAppServer, loadGatewayRoutes } from "../lib/http/gateway-server";

const ROOT = path.resolve(import.meta.dirname, "..");

function option(argv: string[], short: string, long: string): string | undefined {
  const at = argv.findIndex((arg) => arg === short || arg === long);
  return at === -1 ? undefined : argv[at + 1];
}

/**
 * SIGTERM/SIGINT: stop accepting connections. The gateway's runtime, once it has started,
 * flushes its queued decision records and exits (lib/gateway/instance/runtime.ts); before that there is
 * nothing to flush, so this exits.
 */
function closeOnSignal(close: () => void) {
  const stop = (signal: NodeJS.Signals) => {
    close();
    if (process.listenerCount(signal) <= 1) process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

async function main() {
  const argv = process.argv.slice(2);
  const port = Number(option(argv, "-p", "--port") ?? env.PORT);
  const host = option(argv, "-H", "--hostname");
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Not a port: ${option(argv, "-p", "--port")}`);
  // What `next start` sets: the built app reads PORT (journal folder, sign-in URLs) and NODE_ENV.
  setProcessEnv({ PORT: String(port), NODE_ENV: "production" });
  // tsx turns source maps on for this file; left on, Node would read the build's maps as it
  // loads each chunk and map every error's stack, costs `next start` does not have.
  process.setSourceMapsEnabled(false);

  const app = next({ dev: false, dir: ROOT, hostname: host ?? "localhost", port });
  await app.prepare();
  const routes = await loadGatewayRoutes(path.resolve(ROOT, env.NEXT_DIST_DIR));
  const server = createAppServer({ routes, next: app.getRequestHandler(), origin: `http://${host ?? "localhost"}:${port}`, maxBodyBytes: env.GATEWAY_MAX_BODY_BYTES });
  closeOnSignal(() => server.close());
  server.listen(port, host, () => {
    console.log(`Switchyard ready on http://${host ?? "localhost"}:${port} (gateway: ${routes.length} routes served directly; console: Next.js)`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
