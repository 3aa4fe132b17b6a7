import "server-only";
import { getDb } from "@/lib/db";

export interface DraftStatus {
  publishedVersion: number | null;
  /** Configuration changes made since the last publish: what Publish would put live. */
  unpublishedChanges: number;
}

export async function loadDraftStatus(): Promise<DraftStatus> {
  const db = getDb();
  const latest = await db.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true, publishedAt: true } });
  const unpublishedChanges = await db.configChange.count({
    where: { entity: { not: "policy" }, ...(latest ? { at: { gt: latest.publishedAt } } : {}) },
  });
  return { publishedVersion: latest?.number ?? null, unpublishedChanges };
}
