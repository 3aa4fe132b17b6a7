import "server-only";
import { getDb } from "@/lib/db";

export type DecisionStatus = "success" | "fallback_success" | "refused" | "error";

export interface DecisionRow {
  id: string;
  createdAt: Date;
  featureKey: string | null;
  requestedModel: string;
  dataClass: string;
  tierKey: string | null;
  modelAlias: string | null;
  /** The serving provider is a simulator in today's configuration. */
  simulated: boolean;
  status: DecisionStatus;
  httpStatus: number;
  /** For refusals: the constraint that emptied the candidate list. */
  refusalConstraint: string | null;
  errorCode: string | null;
  latencyMs: number;
  /** Null = unknown (unpriced model) or nothing served. */
  costUsd: number | null;
  findings: Array<{ type: string; count: number }>;
  synthetic: boolean;
}

/** Keeps only type and count from the stored findings, whatever else the JSON holds. */
function readFindings(value: unknown): DecisionRow["findings"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { type, count } = entry as { type?: unknown; count?: unknown };
    return typeof type === "string" && typeof count === "number" ? [{ type, count }] : [];
  });
}

/** The newest decision records, newest first. The prompt and trace stay in the database. */
export async function listRecentDecisions({ take }: { take: number }): Promise<DecisionRow[]> {
  const db = getDb();
  const [records, simulators] = await Promise.all([
    db.decisionRecord.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        createdAt: true,
        featureKey: true,
        requestedModel: true,
        dataClass: true,
        tierKey: true,
        modelAlias: true,
        providerKey: true,
        status: true,
        httpStatus: true,
        refusalConstraint: true,
        errorCode: true,
        latencyMs: true,
        costUsd: true,
        findings: true,
        synthetic: true,
      },
    }),
    db.provider.findMany({ where: { kind: "simulator" }, select: { key: true } }),
  ]);
  const simulatorKeys = new Set(simulators.map((provider) => provider.key));
  return records.map(({ providerKey, costUsd, findings, ...record }) => ({
    ...record,
    simulated: providerKey !== null && simulatorKeys.has(providerKey),
    costUsd: costUsd?.toNumber() ?? null,
    findings: readFindings(findings),
  }));
}
