// What a replay moved: the from → to matrix per feature, why requests are newly refused, and
// example records linked to their decision pages.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInteger } from "@/lib/format";
import type { Placement, ReplaySummary } from "@/lib/replay/types";

function Place({ place }: { place: Placement }) {
  if (place.refused) return <Badge tone="danger">refused</Badge>;
  return (
    <span>
      <span className="font-medium text-slate-900">{place.alias}</span> <span className="text-slate-500">({place.tierKey})</span>
    </span>
  );
}

const moved = (from: Placement, to: Placement) => from.refused !== to.refused || (!from.refused && (from.alias !== to.alias || from.tierKey !== to.tierKey));

export function WhatIfChanges({ summary }: { summary: ReplaySummary }) {
  const cells = summary.matrix.filter((cell) => moved(cell.from, cell.to));
  return (
    <>
      <Card>
        <CardHeader title="From → to" description="Requests whose model or tier would change, per feature (the recorded first choice → the replayed one)." />
        {cells.length === 0 ? (
          <div className="p-5">
            <EmptyState title="Nothing would move">Every replayed request keeps its tier and model under this policy.</EmptyState>
          </div>
        ) : (
          <Table label="From → to, per feature" data-testid="what-if-matrix">
            <thead>
              <tr>
                <Th>Feature</Th>
                <Th>From</Th>
                <Th>To</Th>
                <Th className="text-right">Requests</Th>
              </tr>
            </thead>
            <tbody>
              {cells.slice(0, 100).map((cell, index) => (
                <tr key={index}>
                  <Td>{cell.featureKey ?? "(no feature)"}</Td>
                  <Td>
                    <Place place={cell.from} />
                  </Td>
                  <Td>
                    <Place place={cell.to} />
                  </Td>
                  <Td className="text-right tabular-nums">{formatInteger(cell.count)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {summary.refusals.length > 0 ? (
        <Card>
          <CardHeader title="Newly refused, and why" description="The constraint that emptied the candidate list, with the engine's own sentence for one of them." />
          <ul className="divide-y divide-slate-100">
            {summary.refusals.map((refusal) => (
              <li key={`${refusal.code}-${refusal.constraint}`} className="px-5 py-3 text-sm">
                <span className="font-medium">{formatInteger(refusal.count)}</span> · <Badge tone="warning">{refusal.constraint.replace("_", " ")}</Badge> <span className="text-slate-600">{refusal.example}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {summary.examples.length > 0 ? (
        <Card>
          <CardHeader title="Examples" description="Recorded decisions that would change; each opens its decision page with the original trace." />
          <Table label="Examples" data-testid="what-if-examples">
            <thead>
              <tr>
                <Th>Decision</Th>
                <Th>Feature</Th>
                <Th>Was</Th>
                <Th>Would be</Th>
              </tr>
            </thead>
            <tbody>
              {summary.examples.map((example) => (
                <tr key={example.id}>
                  <Td>
                    <Link href={`/decisions/${example.id}`} className="font-mono text-xs text-sky-700 hover:underline">
                      {example.id.slice(0, 18)}…
                    </Link>
                  </Td>
                  <Td>{example.featureKey ?? "(no feature)"}</Td>
                  <Td>
                    <Place place={example.from} />
                  </Td>
                  <Td>
                    <Place place={example.to} />
                    {example.refusal ? <p className="mt-0.5 text-xs text-slate-500">{example.refusal}</p> : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
    </>
  );
}
