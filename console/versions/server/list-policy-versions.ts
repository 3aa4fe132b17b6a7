import "server-only";
import { getDb } from "@/lib/db";

export interface PolicyVersionRow {
  number: number;
  note: string;
  publishedAt: Date;
  /** Email of the publisher; null when the user is gone or the seed published it without one. */
  publishedBy: string | null;
  rolledBackFrom: number | null;
}

/** The newest published versions first; the first one is the policy the gateway serves. */
export async function listPolicyVersions({ take }: { take: number }): Promise<PolicyVersionRow[]> {
  const versions = await getDb().policyVersion.findMany({
    orderBy: { number: "desc" },
    take,
    // The snapshot JSON is large and not shown here: leave it in the database.
    select: { number: true, note: true, publishedAt: true, rolledBackFrom: true, publishedBy: { select: { email: true } } },
  });
  return versions.map((version) => ({
    number: version.number,
    note: version.note,
    publishedAt: version.publishedAt,
    publishedBy: version.publishedBy?.email ?? null,
    rolledBackFrom: version.rolledBackFrom,
  }));
}
