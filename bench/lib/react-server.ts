// Modules of the gateway `import "server-only"`, which throws unless Node resolves the
// "react-server" export condition. The benchmarks re-run themselves with that condition when it
// is missing, so both `npx tsx bench/x.ts` and `npx tsx --conditions=react-server bench/x.ts` work.
import { spawn } from "node:child_process";

export function hasReactServerCondition(): boolean {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  return args.some((arg, index) => arg === "--conditions=react-server" || arg === "-C=react-server" || ((arg === "--conditions" || arg === "-C") && args[index + 1] === "react-server"));
}

/**
 * When the condition is missing, runs this same script again with it (signals forwarded, exit
 * code passed on) and returns true: the caller must then do nothing else.
 */
export function rerunWithReactServer(): boolean {
  if (hasReactServerCondition()) return false;
  const child = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}
