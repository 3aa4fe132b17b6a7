import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { DataClassRow } from "@/console/data-rules/server/list-data-classes";
import type { TierOption } from "@/console/data-rules/server/list-tier-options";
import { EditDataClassButton } from "./edit-data-class-button";

export function DataClassesTable({ classes, tiers }: { classes: DataClassRow[]; tiers: TierOption[] }) {
  return (
    <Card>
      <CardHeader title="Data classes" description="From least to most sensitive. A request carries the highest class any finding or its feature gives it, and may only go to that class's tiers and regions." />
      {classes.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No data classes">Run npm run db:seed to create public, internal, confidential and restricted.</EmptyState>
        </div>
      ) : (
        <Table label="Data classes">
          <thead>
            <tr>
              <Th className="text-right">Rank</Th>
              <Th>Class</Th>
              <Th>May use tiers</Th>
              <Th>Provider regions</Th>
              <Th className="w-20">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {classes.map((dataClass) => (
              <tr key={dataClass.key} data-testid={`data-class-${dataClass.key}`}>
                <Td className="text-right tabular-nums">{dataClass.rank}</Td>
                <Td>
                  <div className="font-medium text-slate-900">{dataClass.name}</div>
                  {dataClass.description ? <div className="text-xs text-slate-500">{dataClass.description}</div> : null}
                </Td>
                <Td>
                  {dataClass.tiers.length === 0 ? (
                    <span className="text-red-700">none — requests of this class are refused</span>
                  ) : (
                    <div className="flex flex-wrap gap-1">
                      {dataClass.tiers.map((tier) => (
                        <Badge key={tier.key} tone="info" title={tier.name}>
                          {tier.key}
                        </Badge>
                      ))}
                    </div>
                  )}
                </Td>
                <Td>{dataClass.allowedRegions.length === 0 ? <span className="text-slate-500">any region</span> : dataClass.allowedRegions.join(", ")}</Td>
                <Td className="text-right">
                  <EditDataClassButton dataClass={dataClass} tiers={tiers} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
