import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { ModelNameMappingRow } from "@/console/models/server/list-model-name-mappings";
import { AddMappingButton, EditMappingButton } from "./model-name-mapping-buttons";
import type { MappingTargets } from "./model-name-mapping-form";

/** The vendor names coding agents and SDKs send (claude-*, gpt-*), and what each routes as. */
export function ModelNameMappingsCard({ mappings, targets, canEdit }: { mappings: ModelNameMappingRow[]; targets: MappingTargets; canEdit: boolean }) {
  return (
    <Card data-testid="model-name-mappings">
      <CardHeader
        title="Model names"
        description="Claude Code, Codex and the vendor SDKs ask for vendor model names. The first pattern that matches, in this order, says what such a name routes as; an unmatched name is answered 404."
        actions={canEdit ? <AddMappingButton targets={targets} /> : null}
      />
      {mappings.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No mappings">Requests naming a vendor model (e.g. claude-sonnet-4-5) are answered 404 until a pattern maps them.</EmptyState>
        </div>
      ) : (
        <Table label="Model names">
          <thead>
            <tr>
              <Th>Pattern</Th>
              <Th>Routed as</Th>
              <Th>Difficulty</Th>
              <Th className="text-right">Priority</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {mappings.map((mapping) => (
              <tr key={mapping.id}>
                <Td className="font-mono">{mapping.pattern}</Td>
                <Td className="font-mono">{mapping.target}</Td>
                <Td>{mapping.difficulty ?? <span className="text-slate-400">the request&apos;s own</span>}</Td>
                <Td className="text-right tabular-nums">{mapping.priority}</Td>
                {canEdit ? (
                  <Td className="text-right">
                    <EditMappingButton mapping={mapping} targets={targets} />
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
