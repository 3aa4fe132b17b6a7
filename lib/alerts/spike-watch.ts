import "server-only";
// Refusal spikes, on a timer: the share of refused requests in each rule's window, read from the
// decision records (their newest-first index), under a PostgreSQL advisory lock so one instance
// at a time judges and records the arming state.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { spikeStep, spikeSubjects, type DueAlert, type WindowCounts } from "./evaluate";
import { fireAlerts, loadEnabledRules } from "./fire";

const INTERVAL_MS = 30_000;
const LOCK = "switchyard:alerts:refusal-spike";

async function windowCounts(since: Date): Promise<Record<string, WindowCounts>> {
  const rows = await getDb().decisionRecord.groupBy({ by: ["featureKey", "status"], where: { createdAt: { gte: since }, dryRun: false, synthetic: false }, _count: { _all: true } });
  const counts: Record<string, WindowCounts> = {};
  for (const row of rows) {
    const entry = (counts[row.featureKey ?? ""] ??= { requests: 0, refused: 0 });
    entry.requests += row._count._all;
    if (row.status === "refused") entry.refused += row._count._all;
  }
  return counts;
}

/** One evaluation of every enabled spike rule; returns the alerts it recorded ([] when another instance holds the lock). */
export async function evaluateRefusalSpikes(now: Date): Promise<string[]> {
  const rules = await loadEnabledRules("refusal_spike");
  if (rules.length === 0) return [];
  const due: DueAlert[] = [];
  const locked = await getDb().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(hashtext(${LOCK})) AS locked`;
      if (!lock?.locked) return false;
      const arms = await tx.alertArm.findMany({ where: { ruleId: { in: rules.map((rule) => rule.id) } } });
      const byWindow = new Map<number, Record<string, WindowCounts>>();
      for (const rule of rules) {
        const minutes = rule.windowMinutes ?? 5;
        if (!byWindow.has(minutes)) byWindow.set(minutes, await windowCounts(new Date(now.getTime() - minutes * 60_000)));
        for (const { subject, counts } of spikeSubjects(rule, byWindow.get(minutes)!)) {
          const arm = arms.find((entry) => entry.ruleId === rule.id && entry.subject === subject);
          const step = spikeStep(rule, counts, arm?.firingSince != null);
          if (step.fire) due.push({ rule, subject, period: now.toISOString(), values: { refused: counts.refused, requests: counts.requests, percent: step.percent, thresholdPercent: rule.thresholdPercent, windowMinutes: minutes } });
          if (step.firing !== (arm?.firingSince != null)) {
            const firingSince = step.firing ? now : null;
            await tx.alertArm.upsert({ where: { ruleId_subject: { ruleId: rule.id, subject } }, create: { ruleId: rule.id, subject, firingSince }, update: { firingSince } });
          }
        }
      }
      return true;
    },
    { timeout: 20_000 },
  );
  return locked ? fireAlerts(due, rules, now) : [];
}

const globalForSpikes = globalThis as unknown as { switchyardSpikeWatch?: ReturnType<typeof setInterval> };

/** Idempotent: one 30-second timer per process, off in tests (they call evaluateRefusalSpikes). */
export function ensureSpikeSchedule(): void {
  if (globalForSpikes.switchyardSpikeWatch || env.NODE_ENV === "test") return;
  const timer = setInterval(() => {
    evaluateRefusalSpikes(new Date()).catch((error: unknown) => console.error("[switchyard] refusal-spike alerts could not be checked; retrying next interval", error instanceof Error ? error.message : error));
  }, INTERVAL_MS);
  timer.unref?.();
  globalForSpikes.switchyardSpikeWatch = timer;
}
