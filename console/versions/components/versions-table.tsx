import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { PolicyVersionRow } from "@/console/versions/server/list-policy-versions";
import { formatDateTime } from "@/lib/format";
import { RollBackButton } from "./roll-back-button";

const COMPARE_FORM = "compare-versions";

/**
 * Published versions, newest first. Choosing two to compare is a plain GET form (two radio
 * groups and a button), so it works from the keyboard and the comparison has its own URL.
 * The inputs join the form through their `form` attribute: the roll-back forms in the same
 * rows cannot nest inside it.
 */
export function VersionsTable({ versions, from, to, canEdit }: { versions: PolicyVersionRow[]; from: number | null; to: number | null; canEdit: boolean }) {
  const live = versions[0]?.number ?? null;
  return (
    <>
      <form id={COMPARE_FORM} method="get" action="/versions" aria-label="Choose two versions to compare" />
      <Table label="Published versions">
        <thead>
          <tr>
            <Th className="w-14 text-center">From</Th>
            <Th className="w-14 text-center">To</Th>
            <Th>Version</Th>
            <Th>Note</Th>
            <Th>Published</Th>
            <Th className="text-right">
              <Button type="submit" form={COMPARE_FORM} variant="secondary" className="px-2.5 py-1 tracking-normal normal-case">
                Compare
              </Button>
            </Th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.number} data-testid={`version-${version.number}`}>
              <Td className="text-center">
                <input type="radio" form={COMPARE_FORM} name="from" value={version.number} defaultChecked={version.number === from} aria-label={`Compare from version ${version.number}`} className="size-4 accent-slate-900" />
              </Td>
              <Td className="text-center">
                <input type="radio" form={COMPARE_FORM} name="to" value={version.number} defaultChecked={version.number === to} aria-label={`Compare to version ${version.number}`} className="size-4 accent-slate-900" />
              </Td>
              <Td className="whitespace-nowrap">
                <span className="font-semibold text-slate-900">v{version.number}</span>
                <div className="mt-1 flex flex-wrap gap-1">
                  {version.number === live ? <Badge tone="success">in force</Badge> : null}
                  {version.rolledBackFrom !== null ? <Badge tone="warning">re-publishes v{version.rolledBackFrom}</Badge> : null}
                </div>
              </Td>
              <Td className="max-w-md break-words">{version.note}</Td>
              <Td className="text-xs whitespace-nowrap">
                {formatDateTime(version.publishedAt)}
                <div className="text-slate-500">{version.publishedBy ?? "the seed or the command line"}</div>
              </Td>
              <Td className="text-right">{canEdit && version.number !== live ? <RollBackButton version={version.number} /> : null}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
