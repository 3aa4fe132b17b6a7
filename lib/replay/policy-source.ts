// The policy a what-if replays: the working configuration (the draft), a published version, or a
// configuration document. A document is applied inside a transaction that is always rolled back,
// so its snapshot is built by the same code a publish uses and nothing is ever written.
import "server-only";
import { getDb } from "@/lib/db";
import { buildSnapshot } from "@/lib/config/versions/build-snapshot";
import { ConfigDocumentError } from "@/lib/config/documents/apply-config-document";
import { checkConfigDocument } from "@/lib/config/documents/check-config-document";
import { loadConfigDocument } from "@/lib/config/documents/load-config-document";
import { planConfigChanges } from "@/lib/config/documents/plan-config-changes";
import { writeConfigPlan } from "@/lib/config/documents/write-config-plan";
import { readStoredSnapshot } from "@/lib/routing/stored-snapshot";
import type { PolicySnapshot } from "@/lib/routing/types";

export type PolicySource = { kind: "draft" } | { kind: "version"; number: number } | { kind: "document"; text: string };

export interface ReplayPolicy {
  snapshot: PolicySnapshot;
  /** "the draft", "version 12", "document". */
  label: string;
}

export class PolicyNotFoundError extends Error {}

class RollBack extends Error {
  constructor(readonly snapshot: PolicySnapshot) {
    super("rolled back on purpose");
  }
}

async function nextVersionNumber(): Promise<number> {
  const latest = await getDb().policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  return (latest?.number ?? 0) + 1;
}

async function documentSnapshot(text: string): Promise<PolicySnapshot> {
  const check = checkConfigDocument(text);
  if (!check.ok) throw new ConfigDocumentError(check.issues);
  const version = await nextVersionNumber();
  try {
    await getDb().$transaction(
      async (tx) => {
        const plan = planConfigChanges(await loadConfigDocument(tx), check.document);
        await writeConfigPlan(tx, check.document, plan, { id: null, email: "what-if" }, "What-if replay (rolled back)");
        throw new RollBack(await buildSnapshot(version, tx));
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof RollBack) return error.snapshot;
    throw error;
  }
  throw new Error("unreachable: the what-if transaction always rolls back");
}

export async function loadReplayPolicy(source: PolicySource): Promise<ReplayPolicy> {
  if (source.kind === "draft") return { snapshot: await buildSnapshot(await nextVersionNumber()), label: "the draft" };
  if (source.kind === "document") return { snapshot: await documentSnapshot(source.text), label: "the document" };
  const row = await getDb().policyVersion.findUnique({ where: { number: source.number }, select: { snapshot: true } });
  if (!row) throw new PolicyNotFoundError(`Policy version ${source.number} does not exist.`);
  return { snapshot: readStoredSnapshot(row.snapshot, source.number), label: `version ${source.number}` };
}
