import "server-only";
// "Discard draft": makes the working configuration equal to the live policy version again — the
// configuration document kept with that version is written back, every row it changes logged in
// the change log as usual, plus one entry for the discard itself. Nothing is published: the live
// version stays what it was, and afterwards the publish bar shows no unpublished changes.
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import { checkAgainstDatabase } from "../documents/apply-config-document";
import { checkConfigDocument } from "../documents/check-config-document";
import { loadConfigDocument } from "../documents/load-config-document";
import { planConfigChanges } from "../documents/plan-config-changes";
import { recordChange, type Actor } from "../changes/record-change";
import { providerPlanIssues } from "../provider-endpoint-rules";
import { ConfigRuleError } from "@/lib/forms/stale-edit";
import { writeConfigPlan } from "../documents/write-config-plan";

export interface DiscardResult {
  /** The live version the working configuration now equals. */
  version: number;
  /** Rows created, updated or removed to get there. */
  changed: number;
}

export async function discardDraft({ actor, role }: { actor: Actor; role: Role }): Promise<DiscardResult> {
  return getDb().$transaction(
    async (tx) => {
      // The publish lock: a publish, roll back or apply cannot interleave with the discard.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
      const live = await tx.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true, document: true } });
      if (!live) throw new ConfigRuleError("Nothing has been published yet, so there is no live version to go back to.");
      if (live.document === null) {
        throw new ConfigRuleError(`Version ${live.number} was published before versions kept their configuration document, so its draft cannot be discarded automatically. Export version ${live.number} from Policy versions and apply it, or publish once and discard later drafts.`);
      }
      const check = checkConfigDocument(live.document);
      if (!check.ok) throw new ConfigRuleError(`The document kept with version ${live.number} no longer checks (${check.issues[0]?.message ?? "invalid"}); nothing was changed.`);
      const plan = planConfigChanges(await loadConfigDocument(tx), check.document);
      if (plan.total === 0) return { version: live.number, changed: 0 };
      // The same rules as any other edit: a feature still used by keys stays, and only an admin
      // may change where a provider's calls go (even back to the live value).
      const issues = [...(await checkAgainstDatabase(tx, plan)), ...providerPlanIssues(plan.providers, check.document, role)];
      if (issues.length > 0) throw new ConfigRuleError(`The draft cannot be discarded: ${issues.map((issue) => issue.message).join(" ")}`);
      const note = `Discarded the draft: back to live version ${live.number}`;
      await writeConfigPlan(tx, check.document, plan, actor, note);
      await recordChange(tx, actor, { entity: "draft", entityKey: String(live.number), action: "discard", before: { changes: plan.total }, after: { version: live.number }, note });
      return { version: live.number, changed: plan.total };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
