import { Badge, type BadgeTone } from "@/components/ui/badge";

export type DecisionStatus = "success" | "fallback_success" | "refused" | "error";

const STATUS: Record<DecisionStatus, { tone: BadgeTone; label: string }> = {
  success: { tone: "success", label: "success" },
  fallback_success: { tone: "warning", label: "fallback success" },
  refused: { tone: "danger", label: "refused" },
  error: { tone: "danger", label: "error" },
};

export function StatusBadge({ status }: { status: DecisionStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
