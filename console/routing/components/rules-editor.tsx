"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import type { RoutingEditor } from "@/console/routing/server/load-routing-editor";
import { RuleForm } from "./rule-form";
import { RuleRow } from "./rule-row";

/** The ordered rule list; editors add, edit, reorder, switch and delete rules here. */
export function RulesEditor({ editor, canEdit }: { editor: RoutingEditor; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const { rules } = editor;
  return (
    <Card>
      <CardHeader
        title="Routing rules"
        description="Read top to bottom; every enabled rule whose conditions all hold applies. Disabled rules are dimmed and ignored."
        actions={
          canEdit && !adding ? (
            <Button variant="secondary" className="whitespace-nowrap" onClick={() => setAdding(true)}>
              Add rule
            </Button>
          ) : null
        }
      />
      {adding ? (
        <div className="border-b border-slate-100 bg-slate-50/60 px-5 py-4">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">New rule (goes last)</h3>
          <RuleForm rule={null} options={editor} onDone={() => setAdding(false)} />
        </div>
      ) : null}
      {rules.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No routing rules">Difficulty alone sets the minimum tier.{canEdit ? " Add a rule to escalate on length, keywords or feature." : ""}</EmptyState>
        </div>
      ) : (
        <Table label="Routing rules">
          <thead>
            <tr>
              <Th className="text-right">#</Th>
              <Th>Rule</Th>
              <Th>When</Th>
              <Th>Then</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <RuleRow key={rule.key} rule={rule} first={index === 0} last={index === rules.length - 1} canEdit={canEdit} options={editor} />
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
