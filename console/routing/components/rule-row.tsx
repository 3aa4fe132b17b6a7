"use client";
import { useState } from "react";
import { deleteRuleAction, moveRuleAction, setRuleEnabledAction } from "@/console/routing/actions";
import { Badge } from "@/components/ui/badge";
import { FormStatus } from "@/components/ui/form/form-status";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { Td } from "@/components/ui/table";
import type { RoutingEditor, RoutingRuleView } from "@/console/routing/server/load-routing-editor";
import { moveRuleSchema, ruleEnabledSchema, ruleRefSchema } from "@/console/routing/schema";
import { RuleActions } from "./rule-actions";
import { RuleForm } from "./rule-form";
import { ruleConditionWords, ruleOutcomeWords } from "../rule-words";

export const RULE_COLUMNS = 5;

function outcomeWords(then: RoutingRuleView["then"]) {
  const tier = (key: string | null) => (key === null ? null : { key, name: key });
  return ruleOutcomeWords({ minTier: tier(then.minTierKey), maxTier: tier(then.maxTierKey), pinModel: then.pinModelAlias === null ? null : { alias: then.pinModelAlias, simulated: then.pinSimulated } });
}

export function RuleRow({ rule, first, last, canEdit, options }: { rule: RoutingRuleView; first: boolean; last: boolean; canEdit: boolean; options: Pick<RoutingEditor, "tiers" | "models" | "features"> }) {
  const [editing, setEditing] = useState(false);
  // Routing's actions do not revalidate the page: each refreshes it after a save.
  const move = useActionForm(moveRuleSchema, moveRuleAction, { refresh: true });
  const toggle = useActionForm(ruleEnabledSchema, setRuleEnabledAction, { refresh: true });
  const remove = useActionForm(ruleRefSchema, deleteRuleAction, { refresh: true });
  // Whichever action answered with a problem; at most one runs at a time.
  const problem = [move, toggle, remove].find((action) => action.refusal !== null);
  const conditions = ruleConditionWords(rule.when);
  const outcomes = outcomeWords(rule.then);
  const ref = { key: rule.key, version: rule.version };

  return (
    <>
      <tr className={rule.enabled ? undefined : "text-slate-400"} data-testid={`rule-${rule.key}`}>
        <Td className="text-right tabular-nums">{rule.position}</Td>
        <Td>
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="font-medium text-slate-900">{rule.name}</span>
            {rule.enabled ? null : <Badge>disabled</Badge>}
            {rule.unpublished ? <Badge tone="warning" title="Edited after the policy in force was published">not yet published</Badge> : null}
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
              {rule.then.pinSimulated ? <Badge tone="simulated">Simulated</Badge> : null}
            </span>
          )}
        </Td>
        <Td className="w-px whitespace-nowrap">
          {canEdit ? (
            <RuleActions
              name={rule.name}
              enabled={rule.enabled}
              position={rule.position}
              first={first}
              last={last}
              busy={move.pending || toggle.pending || remove.pending}
              editing={editing}
              onMove={(direction) => move.submit({ ...ref, direction })}
              onToggle={() => toggle.submit({ ...ref, enabled: !rule.enabled })}
              onEdit={() => setEditing((open) => !open)}
              onDelete={() => remove.submit(ref)}
            />
          ) : null}
        </Td>
      </tr>
      {problem ? (
        <tr>
          <td colSpan={RULE_COLUMNS} className="border-b border-slate-100 px-4 py-2">
            <FormStatus error={problem.refusal} onReload={() => (problem.clearErrors(), problem.reload())} />
          </td>
        </tr>
      ) : null}
      {editing ? (
        <tr>
          <td colSpan={RULE_COLUMNS} className="border-b border-slate-200 bg-slate-50/60 px-4 py-4">
            <RuleForm key={rule.version} rule={rule} options={options} onDone={() => setEditing(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
