// What the numbers were measured on: cores, load, Node, and (for the gateway) PostgreSQL.
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemGiB: number;
  /** 1, 5 and 15 minute load averages, as `uptime` prints them. */
  loadAverage: number[];
  at: string;
}

export function machineInfo(): MachineInfo {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    totalMemGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    at: new Date().toISOString(),
  };
}

export function loadLine(): string {
  return `load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(", ")} on ${os.cpus().length} cores`;
}

/** Jiffies (1/100 s) of all CPUs from /proc/stat: busy (everything but idle and iowait) and total. */
export function machineJiffies(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * How busy the whole machine was between two readings, and how much of that was the given
 * processes' own CPU (seconds): the rest is other work sharing the cores.
 */
export function machineShare(before: { busy: number; total: number } | null, ownCpuSeconds: number): { machineBusyPct: number; ownSharePct: number; othersCoresUsed: number } | null {
  const now = machineJiffies();
  if (!before || !now || now.total === before.total) return null;
  const busyS = (now.busy - before.busy) / 100;
  const totalS = (now.total - before.total) / 100;
  const cores = os.cpus().length;
  const wallS = totalS / cores;
  return {
    machineBusyPct: Math.round((busyS / totalS) * 1000) / 10,
    ownSharePct: Math.round((ownCpuSeconds / Math.max(busyS, 1e-9)) * 1000) / 10,
    othersCoresUsed: Math.round(((busyS - ownCpuSeconds) / wallS) * 100) / 100,
  };
}
