// The current search grouped by one dimension: how many decisions (and what they cost) per
// constraint, feature, tier, model or status; each group links to the search narrowed to it.
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { DECISION_GROUPS, NO_FEATURE } from "@/lib/analytics/decisions/decision-filters";
import type { DecisionGroups } from "@/lib/analytics/decisions/summarise-decisions";
import { formatInteger, formatUsd } from "@/lib/format";

/** The filter that narrows the search to one group, when the search form has one for it. */
const NARROW: Record<DecisionGroups["by"], string | null> = { constraint: null, feature: "feature", tier: "tier", model: "model", status: "status" };

function label(by: DecisionGroups["by"], value: string | null): string {
  if (value !== null && value !== "") return value;
  return { constraint: "none recorded", feature: "no feature", tier: "not served", model: "not served", status: "—" }[by];
}

export function DecisionGroupsTable({ groups, search }: { groups: DecisionGroups; search: string }) {
  const title = DECISION_GROUPS.find((group) => group.key === groups.by)?.label ?? groups.by;
  const narrow = NARROW[groups.by];
  const total = groups.rows.reduce((sum, row) => sum + row.requests, 0);
  const hrefFor = (value: string | null) => {
    if (!narrow || (value === null && narrow !== "feature")) return null;
    const params = new URLSearchParams(search);
    params.set(narrow, value ?? NO_FEATURE);
    return `/decisions?${params.toString()}`;
  };
  return (
    <Card className="mb-4" data-testid="decision-groups">
      <CardHeader
        title={`Grouped by ${title.toLowerCase()}`}
        description={groups.by === "constraint" ? "Refused decisions of this search, by the constraint that emptied the candidate list (malformed: bad input, counted apart)." : "Decisions of this search per group, largest first."}
      />
      {groups.timedOut ? (
        <p className="px-5 py-4 text-sm text-amber-800">This search visits too many records to group quickly: narrow the time range or add an indexed filter (feature, key, status).</p>
      ) : groups.rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">Nothing to group.</p>
      ) : (
        <Table label={`Grouped by ${title.toLowerCase()}`}>
          <thead>
            <tr>
              <Th>{title}</Th>
              <Th className="text-right">Decisions</Th>
              <Th className="text-right">Share</Th>
              <Th className="text-right">Cost</Th>
            </tr>
          </thead>
          <tbody>
            {groups.rows.map((row) => {
              const href = hrefFor(row.value);
              return (
                <tr key={row.value ?? "(null)"}>
                  <Td className="font-mono text-xs">{href ? <Link href={href} className="text-sky-700 hover:underline">{label(groups.by, row.value)}</Link> : label(groups.by, row.value)}</Td>
                  <Td className="text-right tabular-nums">{formatInteger(row.requests)}</Td>
                  <Td className="text-right tabular-nums">{total > 0 ? `${((row.requests / total) * 100).toFixed(1)}%` : "—"}</Td>
                  <Td className="text-right tabular-nums">{formatUsd(row.costUsd, { precise: true })}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {groups.truncated ? <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-600">Only the 50 largest groups are listed.</p> : null}
    </Card>
  );
}
