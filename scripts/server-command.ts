// How every launcher (npm start and demo, the e2e server, the cluster, the benchmarks) starts
// the production server: node runs scripts/serve.ts through tsx's loader; the built app it
// serves is plain JavaScript, so the loader costs start-up time only.
import path from "node:path";

const SERVE = path.resolve(import.meta.dirname, "serve.ts");

/** Arguments for `process.execPath`; nodeFlags (e.g. --cpu-prof) apply to the server itself. */
export function serverArgs(port: number | string, host?: string, nodeFlags: string[] = []): string[] {
  return [...nodeFlags, "--import", "tsx", SERVE, "-p", String(port), ...(host ? ["-H", host] : [])];
}
