// Process-level helpers the end-to-end benchmarks share: free ports, CPU and memory of a pid from
// /proc, kernel TCP counters, and one cleanup list run in reverse on exit, failure or Ctrl-C.
import { readFileSync } from "node:fs";
import net from "node:net";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** User + system CPU seconds of a process so far (Linux /proc). */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

export function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const TCP_COUNTERS = ["ListenOverflows", "ListenDrops", "TCPSynRetrans", "TCPAbortOnData", "TCPAbortOnClose", "TCPTimeouts"];
/** Kernel TCP counters (machine-wide): listen-queue overflows and the like. */
export function tcpCounters(): Record<string, number> {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n");
    const header = lines.find((line) => line.startsWith("TcpExt:"));
    const values = lines.filter((line) => line.startsWith("TcpExt:"))[1];
    if (!header || !values) return {};
    const names = header.split(/\s+/);
    const numbers = values.split(/\s+/);
    return Object.fromEntries(TCP_COUNTERS.map((name) => [name, Number(numbers[names.indexOf(name)])]));
  } catch {
    return {};
  }
}
export function tcpDelta(before: Record<string, number>): Record<string, number> {
  const now = tcpCounters();
  return Object.fromEntries(Object.keys(now).map((name) => [name, (now[name] ?? 0) - (before[name] ?? 0)]));
}

/** An environment for a child process: the parent's, with overrides (undefined removes a name). */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const next: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return next;
}

interface Cleanup {
  label: string;
  run: () => Promise<void>;
}
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | null = null;

/** Registers a step for cleanUp(); steps run last registered first. */
export function onCleanup(label: string, run: () => Promise<void>) {
  cleanups.push({ label, run });
}

export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { label, run } of cleanups.reverse()) {
      try {
        await run();
      } catch (error) {
        console.error(`cleanup "${label}" failed:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}

/** Runs main, then the cleanups; on SIGINT/SIGTERM or failure cleans up too, and exits. */
export function runBenchmark(main: () => Promise<void>) {
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  main()
    .then(() => cleanUp())
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      await cleanUp();
      process.exit(1);
    });
}
