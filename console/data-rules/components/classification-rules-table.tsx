import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { ClassificationRuleRow } from "@/console/data-rules/server/list-classification-rules";
import type { DataClassChoice } from "../data-rules-view";
import { NewRuleButton, RuleButtons } from "./rule-buttons";

const KIND_LABEL = { detector: "built-in detector", regex: "regex", keywords: "keywords" } as const;

function RuleMatcher({ rule }: { rule: ClassificationRuleRow }) {
  if (rule.kind === "detector") return <span className="font-mono text-xs">{rule.detector ?? "—"}</span>;
  if (rule.kind === "regex") return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs break-all">{rule.pattern ?? "—"}</code>;
  return <span>{rule.keywords.length === 0 ? "—" : rule.keywords.map((keyword) => `“${keyword}”`).join(", ")}</span>;
}

/** Admin regex and keyword rules (built-in detectors have their own card). */
export function ClassificationRulesTable({ rules, classes }: { rules: ClassificationRuleRow[]; classes: DataClassChoice[] }) {
  return (
    <Card>
      <CardHeader
        title="Admin rules"
        description="Your own regexes and keywords, e.g. project code names. Each enabled rule that finds something raises the request to its class. Findings keep the type and count, never the matched text."
        actions={<NewRuleButton classes={classes} />}
      />
      {rules.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No admin rules yet">Add a keyword or regex rule for text the built-in detectors cannot know, such as project code names or internal ID formats.</EmptyState>
        </div>
      ) : (
        <Table label="Admin rules">
          <thead>
            <tr>
              <Th>Rule</Th>
              <Th>Kind</Th>
              <Th>Matches</Th>
              <Th>Raises to</Th>
              <Th>State</Th>
              <Th className="w-40">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.key} data-testid={`classification-rule-${rule.key}`}>
                <Td className={rule.enabled ? undefined : "opacity-60"}>
                  <div className="font-medium text-slate-900">{rule.name}</div>
                  <div className="font-mono text-xs text-slate-400">{rule.key}</div>
                </Td>
                <Td className={rule.enabled ? undefined : "opacity-60"}>{KIND_LABEL[rule.kind]}</Td>
                <Td className={rule.enabled ? "max-w-sm" : "max-w-sm opacity-60"}>
                  <RuleMatcher rule={rule} />
                </Td>
                <Td className={rule.enabled ? undefined : "opacity-60"}>{rule.dataClass.name}</Td>
                <Td>{rule.enabled ? <Badge tone="success">on</Badge> : <Badge>off</Badge>}</Td>
                <Td>
                  <RuleButtons rule={rule} classes={classes} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
