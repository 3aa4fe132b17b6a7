import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { ClassificationRuleRow } from "@/lib/config/list-classification-rules";

const KIND_LABEL = { detector: "built-in detector", regex: "regex", keywords: "keywords" } as const;

function RuleMatcher({ rule }: { rule: ClassificationRuleRow }) {
  if (rule.kind === "detector") return <span className="font-mono text-xs">{rule.detector ?? "—"}</span>;
  if (rule.kind === "regex") return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs break-all">{rule.pattern ?? "—"}</code>;
  return <span>{rule.keywords.length === 0 ? "—" : rule.keywords.map((keyword) => `“${keyword}”`).join(", ")}</span>;
}

export function ClassificationRulesTable({ rules }: { rules: ClassificationRuleRow[] }) {
  return (
    <Card>
      <CardHeader
        title="Classification rules"
        description="Each enabled rule that finds something in a prompt raises the request to its class. Findings keep the type and count, never the matched text."
      />
      {rules.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No classification rules">Every request keeps its feature&apos;s default class. Run npm run db:seed to add the built-in detectors.</EmptyState>
        </div>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Rule</Th>
              <Th>Kind</Th>
              <Th>Matches</Th>
              <Th>Raises to</Th>
              <Th>State</Th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.key} className={rule.enabled ? undefined : "opacity-50"} data-testid={`classification-rule-${rule.key}`}>
                <Td>
                  <div className="font-medium text-slate-900">{rule.name}</div>
                  <div className="font-mono text-xs text-slate-400">{rule.key}</div>
                </Td>
                <Td>{KIND_LABEL[rule.kind]}</Td>
                <Td>
                  <RuleMatcher rule={rule} />
                </Td>
                <Td>{rule.dataClass.name}</Td>
                <Td>{rule.enabled ? <Badge tone="success">on</Badge> : <Badge>off</Badge>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
