import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { AlertRuleOptions, AlertRuleRow } from "@/console/alerts/server/list-alerts";
import { AlertRuleButtons } from "./alert-rule-buttons";

const KIND_LABEL: Record<AlertRuleRow["kind"], string> = { budget_threshold: "Budget threshold", refusal_spike: "Refusal spike", circuit_open: "Circuit open" };

/** The rule in words: what it watches and when it fires. */
function condition(rule: AlertRuleRow): string {
  if (rule.kind === "budget_threshold") return `${rule.featureKey ?? "any feature"} reaches ${rule.thresholdPercent} % of its monthly budget (once a month)`;
  if (rule.kind === "refusal_spike") return `over ${rule.thresholdPercent} % of ${rule.featureKey ?? "all"} requests refused in ${rule.windowMinutes} min, with at least ${rule.minRequests} requests`;
  return `${rule.providerKey ?? "any provider"}'s circuit opens`;
}

export function AlertRulesTable({ rules, options, canEdit }: { rules: AlertRuleRow[]; options: AlertRuleOptions; canEdit: boolean }) {
  return (
    <Card>
      <Table label="Alert rules">
        <thead>
          <tr>
            <Th>Rule</Th>
            <Th>Fires when</Th>
            <Th>Destination</Th>
            {canEdit ? (
              <Th className="w-80">
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} data-testid={`alert-rule-${rule.id}`} className={rule.enabled ? undefined : "opacity-70"}>
              <Td>
                <div className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium text-slate-900">{rule.name}</span>
                  {rule.enabled ? null : <Badge>disabled</Badge>}
                </div>
                <div className="text-xs text-slate-600">{KIND_LABEL[rule.kind]}</div>
              </Td>
              <Td>{condition(rule)}</Td>
              <Td>
                <div>{rule.format === "slack" ? "Slack-compatible" : "JSON"}</div>
                <div className="font-mono text-xs text-slate-600">{rule.maskedWebhook}</div>
              </Td>
              {canEdit ? (
                <Td>
                  <AlertRuleButtons rule={rule} options={options} />
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
