import "server-only";
import { getDb } from "@/lib/db";
import type { DescribedChange } from "../changes/describe-changes";
import { compareWorkingWithLive } from "./load-policy-comparison";

export interface DraftStatus {
  publishedVersion: number | null;
  /**
   * How the working configuration differs from the live version, field by field: what Publish
   * would put live. Compared, not counted from the change log — after a roll back the later edits
   * still differ from the live version, and an edit undone by hand differs in nothing.
   */
  unpublishedChanges: number;
  /** The first few differences, in words, for the bar's tooltip. */
  sample: string[];
  /** The live version kept its configuration document, so the draft can be discarded. */
  canDiscard: boolean;
}

const SAMPLE = 5;

export function draftSample(changes: readonly DescribedChange[]): string[] {
  return changes.slice(0, SAMPLE).map((change) => change.text);
}

export async function loadDraftStatus(): Promise<DraftStatus> {
  const comparison = await compareWorkingWithLive();
  if (!comparison) {
    // Nothing published yet: everything configured is waiting for the first Publish.
    const changes = await getDb().configChange.count({ where: { entity: { notIn: ["policy"] } } });
    return { publishedVersion: null, unpublishedChanges: changes, sample: [], canDiscard: false };
  }
  const live = await getDb().policyVersion.findUnique({ where: { number: comparison.live }, select: { document: true } });
  return { publishedVersion: comparison.live, unpublishedChanges: comparison.changes.length, sample: draftSample(comparison.changes), canDiscard: live?.document != null };
}
