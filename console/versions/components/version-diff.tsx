import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { DescribedChange } from "@/lib/config/changes/describe-changes";

const KIND_TONE = { added: "success", removed: "danger", changed: "info" } as const;

/** Changes in words, grouped by section, with each side's value in its own column. */
export function VersionDiff({ changes, beforeLabel, afterLabel, empty }: { changes: DescribedChange[]; beforeLabel: string; afterLabel: string; empty: string }) {
  if (changes.length === 0) return <p className="px-5 py-4 text-sm text-slate-500">{empty}</p>;
  const sections = [...new Set(changes.map((change) => change.section))];
  return (
    <Table label={`Changes, ${beforeLabel} → ${afterLabel}`} className="table-fixed">
      <colgroup>
        <col className="w-[46%]" />
        <col className="w-[27%]" />
        <col className="w-[27%]" />
      </colgroup>
      <thead>
        <tr>
          <Th>Change</Th>
          <Th>{beforeLabel}</Th>
          <Th>{afterLabel}</Th>
        </tr>
      </thead>
      {sections.map((section) => (
        <tbody key={section}>
          <tr>
            <th scope="colgroup" colSpan={3} className="bg-slate-50/70 px-4 pt-3 pb-1 text-left text-xs font-semibold text-slate-600">
              {section}
            </th>
          </tr>
          {changes
            .filter((change) => change.section === section)
            .map((change, index) => (
              <tr key={`${change.key}-${change.field ?? change.kind}-${index}`}>
                <Td>
                  <span className="mr-1.5 align-middle">
                    <Badge tone={KIND_TONE[change.kind]}>{change.kind}</Badge>
                  </span>
                  <span className="text-slate-900">{change.text}</span>
                </Td>
                <Td className={change.kind === "removed" || change.kind === "changed" ? "break-words text-red-800" : "text-slate-400"}>{change.before ?? "—"}</Td>
                <Td className={change.kind === "added" || change.kind === "changed" ? "break-words text-emerald-800" : "text-slate-400"}>{change.after ?? "—"}</Td>
              </tr>
            ))}
        </tbody>
      ))}
    </Table>
  );
}
