// What the numbers were measured on: cores, load, Node, and (for the gateway) PostgreSQL.
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
