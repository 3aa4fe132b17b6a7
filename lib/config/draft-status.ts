import "server-only";
import { getDb } from "@/lib/db";
import { IMMEDIATE_ENTITIES } from "./change-entities";

export interface DraftStatus {
  publishedVersion: number | null;
  /** Configuration changes made since the last publish: what Publish would put live. */
  unpublishedChanges: number;
}

export async function loadDraftStatus(): Promise<DraftStatus> {
  const db = getDb();
  const latest = await db.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true, publishedAt: true } });
  const unpublishedChanges = await db.configChange.count({
    // App keys and users act at once; only what Publish puts live counts as waiting.
    where: { entity: { notIn: ["policy", ...IMMEDIATE_ENTITIES] }, ...(latest ? { at: { gt: latest.publishedAt } } : {}) },
  });
  return { publishedVersion: latest?.number ?? null, unpublishedChanges };
}
