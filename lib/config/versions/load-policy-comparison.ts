import "server-only";
import { getDb } from "@/lib/db";
import type { PolicySnapshot } from "@/lib/routing/types";
import { buildSnapshot } from "./build-snapshot";
import type { DescribedChange } from "../changes/describe-changes";
import { diffSnapshots } from "./diff-snapshots";
import { sameSnapshot } from "./snapshot-equality";
import { readStoredSnapshot } from "@/lib/routing/stored-snapshot";

export interface PolicyComparison {
  from: number;
  to: number;
  changes: DescribedChange[];
}

async function snapshotOf(number: number): Promise<PolicySnapshot | null> {
  const row = await getDb().policyVersion.findUnique({ where: { number }, select: { snapshot: true } });
  return row ? readStoredSnapshot(row.snapshot, number) : null;
}

/** Two published versions compared in words; null when either does not exist. */
export async function comparePolicyVersions(from: number, to: number): Promise<PolicyComparison | null> {
  const [before, after] = await Promise.all([snapshotOf(from), snapshotOf(to)]);
  if (!before || !after) return null;
  return { from, to, changes: diffSnapshots(before, after) };
}

/**
 * What Publish would change now: the working configuration against the version in force.
 * After a roll back this is how the later edits, still in the working tables, stay visible.
 */
export async function compareWorkingWithLive(): Promise<{ live: number; changes: DescribedChange[] } | null> {
  const latest = await getDb().policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true, snapshot: true } });
  if (!latest) return null;
  const working = await buildSnapshot(latest.number);
  const live = readStoredSnapshot(latest.snapshot, latest.number);
  const changes = diffSnapshots(live, working);
  if (changes.length === 0 && !sameSnapshot(live, working)) {
    // A difference the words do not describe yet: still a difference Publish would put live.
    changes.push({ section: "Other", key: "other", kind: "changed", field: null, before: null, after: null, text: "Other policy settings differ from the live version." });
  }
  return { live: latest.number, changes };
}
