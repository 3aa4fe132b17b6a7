import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { checkConfigDocument, type ConfigIssue } from "./check-config-document";
import type { ConfigDocument } from "./config-document-schema";
import { loadConfigDocument } from "./load-config-document";
import { planConfigChanges, type ConfigPlan } from "./plan-config-changes";
import { publishPolicyIn } from "../versions/publish-policy";
import type { Actor } from "../changes/record-change";
import { StaleEditError } from "@/lib/forms/stale-edit";
import { writeConfigPlan } from "./write-config-plan";
import type { Role } from "@/lib/auth/roles";
import { providerPlanIssues } from "../provider-endpoint-rules";

/** The document cannot be applied; nothing was changed. */
export class ConfigDocumentError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`The configuration document has ${issues.length} problem${issues.length === 1 ? "" : "s"}; nothing was changed.`);
  }
}

export interface ConfigPreview {
  plan: ConfigPlan;
  /** The newest change-log entry when the plan was made: apply refuses if the configuration moved since. */
  basis: string | null;
}

async function newestChangeId(db: Prisma.TransactionClient): Promise<string | null> {
  const newest = await db.configChange.findFirst({ where: { entity: { not: "policy" } }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true } });
  return newest?.id ?? null;
}

/** Problems only the database can see: removing a feature that API keys are scoped to. */
export async function checkAgainstDatabase(db: Prisma.TransactionClient, plan: ConfigPlan): Promise<ConfigIssue[]> {
  const removed = plan.features.removed.map((feature) => feature.key);
  if (removed.length === 0) return [];
  const keys = await db.apiKey.findMany({
    where: { revokedAt: null, OR: [{ defaultFeatureKey: { in: removed } }, { features: { some: { feature: { key: { in: removed } } } } }] },
    select: { name: true, defaultFeatureKey: true, features: { select: { feature: { select: { key: true } } } } },
  });
  return removed.flatMap((feature) => {
    const users = keys.filter((key) => key.defaultFeatureKey === feature || key.features.some((entry) => entry.feature.key === feature)).map((key) => `"${key.name}"`);
    return users.length === 0 ? [] : [{ path: "features", message: `Feature ${feature} is missing from the document, but API key ${users.join(", ")} still use it. Keep the feature, or take it off those keys (or revoke them) first.` }];
  });
}

function parse(input: string | unknown): ConfigDocument {
  const check = checkConfigDocument(input);
  if (!check.ok) throw new ConfigDocumentError(check.issues);
  return check.document;
}

/**
 * Checks a document and says what applying it would change, without changing anything: it
 * refuses what apply would refuse, the provider rules for this role included (null: the CLI).
 */
export async function previewConfigDocument(input: string | unknown, role: Role | null = null): Promise<ConfigPreview> {
  const document = parse(input);
  const db = getDb();
  const plan = planConfigChanges(await loadConfigDocument(db), document);
  const issues = [...(await checkAgainstDatabase(db, plan)), ...providerPlanIssues(plan.providers, document, role)];
  if (issues.length > 0) throw new ConfigDocumentError(issues);
  return { plan, basis: await newestChangeId(db) };
}

export interface ApplyOptions {
  actor: Actor;
  note: string;
  /** From the preview the person saw; omitted by the CLI, which applies what it reads. */
  basis?: string | null;
  /**
   * The console user's role: a document may change a provider's kind, base URL or key variable
   * only for an admin, as the providers form allows. Null or left out: the CLI (an operator on
   * the server), where the key-variable allow-list still applies.
   */
  role?: Role | null;
}

/**
 * Makes the working configuration equal to the document and publishes it, in one
 * transaction: any invalid part, a concurrent edit or a failed publish leaves everything as
 * it was. Returns the new policy version, or null when the document changes nothing.
 */
export async function applyConfigDocument(input: string | unknown, { actor, note, basis, role = null }: ApplyOptions): Promise<{ plan: ConfigPlan; version: number | null }> {
  const document = parse(input);
  return getDb().$transaction(
    async (tx) => {
      // Same lock as publishing: two applies (or an apply and a publish) never interleave.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
      if (basis !== undefined && (await newestChangeId(tx)) !== basis) {
        const newest = await tx.configChange.findFirst({ where: { entity: { not: "policy" } }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { actorEmail: true, at: true } });
        throw new StaleEditError("configuration", "working", newest?.actorEmail ?? null, newest?.at ?? null);
      }
      const plan = planConfigChanges(await loadConfigDocument(tx), document);
      const issues = [...(await checkAgainstDatabase(tx, plan)), ...providerPlanIssues(plan.providers, document, role)];
      if (issues.length > 0) throw new ConfigDocumentError(issues);
      if (plan.total === 0) return { plan, version: null };
      const logNote = `Applied from a configuration document: ${note}`;
      await writeConfigPlan(tx, document, plan, actor, logNote);
      const version = await publishPolicyIn(tx, { note, actor });
      return { plan, version };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
