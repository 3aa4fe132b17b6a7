import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DecisionStatus } from "@/lib/ledger/record";

export type { DecisionStatus };

const STATUS: Record<DecisionStatus, { tone: BadgeTone; label: string }> = {
  success: { tone: "success", label: "success" },
  fallback_success: { tone: "warning", label: "fallback success" },
  refused: { tone: "danger", label: "refused" },
  error: { tone: "danger", label: "error" },
};

export function StatusBadge({ status }: { status: DecisionStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
