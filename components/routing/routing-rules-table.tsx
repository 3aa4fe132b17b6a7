import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { RoutingRuleRow } from "@/lib/config/list-routing-rules";
import { ruleConditionWords, ruleOutcomeWords } from "./rule-words";

/**
 * `publishedAt` is when the policy in force was published: a rule edited after it is not yet
 * what the gateway does, and the table says so rather than implying otherwise.
 */
export function RoutingRulesTable({ rules, publishedAt }: { rules: RoutingRuleRow[]; publishedAt: Date | null }) {
  return (
    <Card>
      <CardHeader title="Routing rules" description="Read top to bottom; every enabled rule whose conditions all hold applies. Disabled rules are dimmed and ignored." />
      {rules.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No routing rules">Difficulty alone sets the minimum tier. Add a rule to escalate on length, keywords or feature.</EmptyState>
        </div>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th className="text-right">#</Th>
              <Th>Rule</Th>
              <Th>When</Th>
              <Th>Then</Th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => {
              const conditions = ruleConditionWords(rule.when);
              const outcomes = ruleOutcomeWords(rule.then);
              const unpublished = publishedAt === null || rule.updatedAt > publishedAt;
              return (
                <tr key={rule.key} className={rule.enabled ? undefined : "opacity-50"} data-testid={`rule-${rule.key}`}>
                  <Td className="text-right tabular-nums">{rule.position}</Td>
                  <Td>
                    <div className="flex flex-wrap items-center gap-1.5">
                      <span className="font-medium text-slate-900">{rule.name}</span>
                      {rule.enabled ? null : <Badge>disabled</Badge>}
                      {unpublished ? <Badge tone="warning" title="Edited after the policy in force was published">not yet published</Badge> : null}
                    </div>
                    <div className="font-mono text-xs text-slate-400">{rule.key}</div>
                  </Td>
                  <Td>{conditions.length === 0 ? <span className="text-slate-500">always</span> : conditions.join(" and ")}</Td>
                  <Td>
                    {outcomes.length === 0 ? (
                      <span className="text-slate-500">no effect</span>
                    ) : (
                      <span className="flex flex-wrap items-center gap-1.5">
                        {outcomes.join(", ")}
                        {rule.then.pinModel?.simulated ? <Badge tone="simulated">Simulated</Badge> : null}
                      </span>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
