import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { ConfigChangeRow } from "@/console/changes/server/list-config-changes";
import { formatDateTime } from "@/lib/format";
import { ChangeDiff } from "./change-diff";

export function ChangesTable({ changes }: { changes: ConfigChangeRow[] }) {
  return (
    <Card>
      <Table label="Configuration changes">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Who</Th>
            <Th>What</Th>
            <Th>Action</Th>
            <Th>Note</Th>
            <Th className="w-2/5">What changed</Th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.id} data-testid={`change-${change.id}`}>
              <Td className="whitespace-nowrap">{formatDateTime(change.at)}</Td>
              <Td>{change.actorEmail}</Td>
              <Td>
                {change.entity} <span className="font-mono text-xs text-slate-900">{change.entityKey}</span>
              </Td>
              <Td>
                <Badge tone={change.action === "publish" || change.action === "rollback" ? "info" : change.action === "delete" || change.action === "discard" ? "warning" : "neutral"}>{change.action}</Badge>
              </Td>
              <Td className="max-w-56 text-xs">{change.note ?? <span className="text-slate-500">—</span>}</Td>
              <Td>
                <ChangeDiff before={change.before} after={change.after} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
