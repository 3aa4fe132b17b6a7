// What bench/peer.ts's parts share: the contestants (direct, Switchyard, Portkey), a probe's
// failure, the kinds of error, rounding and ratios, and the checks against issue 11's "done when".
import type http from "node:http";
import type { Target } from "./load";

export type Name = "direct" | "switchyard" | "portkey";
export type Kind = "json" | "sse";
export interface Contestant {
  name: Name;
  target: Target;
  /** The process whose CPU counts for this target (the mock's for direct). */
  pid: number | undefined;
  agent: http.Agent;
}
export interface Failure {
  error: string;
  status: number | null;
  body: string;
  /** Error lines the target logged while answering the probe. */
  log: string[];
}

/** Errors below HTTP: the connection was refused, reset, timed out or cut mid-answer. */
export const isConnectionError = (kind: string) => !/^(http_|stream_|bad_)/.test(kind);
export const r3 = (value: number) => Math.round(value * 1000) / 1000;
/** A ratio only of two positive figures: an "added" percentile at or below direct's is noise, not zero. */
export const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  typeof a === "number" && typeof b === "number" && Number.isFinite(a) && Number.isFinite(b) && a > 0 && b > 0 ? `${(a / b).toFixed(2)}×` : "—";

/** The checks from the results: a table of target, measured, met / MISSED. */
export function doneWhenChecks(results: Record<string, unknown>, rates: readonly number[]): Array<Array<string | number>> {
  const targets: Array<Array<string | number>> = [["target", "measured", ""]];
  const c1 = results.c1 as { addedMs: Record<"switchyard" | "portkey", Record<"json" | "sseTtfb", { p50: number; p99: number } | null>>; perMode: Record<string, { cpuMsPerRequest: number }> } | undefined;
  if (c1) {
    const s = c1.addedMs.switchyard;
    const p = c1.addedMs.portkey;
    if (s.json && p.json) targets.push(["c1 JSON: added p50 and p99 below Portkey's", `${s.json.p50} / ${s.json.p99} ms against ${p.json.p50} / ${p.json.p99} ms`, s.json.p50 < p.json.p50 && s.json.p99 < p.json.p99 ? "met" : "MISSED"]);
    if (s.json && s.sseTtfb) targets.push(["c1: SSE TTFB adds ≤ 0.5 ms more than JSON (p50)", `${r3(s.sseTtfb.p50 - s.json.p50)} ms more`, s.sseTtfb.p50 - s.json.p50 <= 0.5 ? "met" : "MISSED"]);
    const cpuJson = c1.perMode["switchyard json"]?.cpuMsPerRequest;
    const cpuSse = c1.perMode["switchyard sse"]?.cpuMsPerRequest;
    if (cpuJson !== undefined) targets.push(["server CPU per request ≤ 2 ms (JSON)", `${cpuJson} ms`, cpuJson <= 2 ? "met" : "MISSED"]);
    if (cpuSse !== undefined) targets.push(["server CPU per request ≤ 2.5 ms (SSE)", `${cpuSse} ms`, cpuSse <= 2.5 ? "met" : "MISSED"]);
  }
  const rateRuns = (results.rate as { runs: Array<{ target: Name; rate: number; successRate: number; addedMs: { p99: number | null } }> } | undefined)?.runs;
  if (rateRuns) {
    const held = (name: Name) => Math.max(0, ...rateRuns.filter((run) => run.target === name && run.successRate === 100 && run.addedMs.p99 !== null && run.addedMs.p99 <= 100).map((run) => run.rate));
    const [s, p] = [held("switchyard"), held("portkey")];
    targets.push([`fixed rate (of ${rates.join(", ")} req/s): highest with 100% ok and added p99 ≤ 100 ms`, `Switchyard ${s || "none"}, Portkey ${p || "none"}`, s > p ? "met" : "MISSED"]);
  }
  return targets;
}
