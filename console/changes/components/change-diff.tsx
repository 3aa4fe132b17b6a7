// One change-log entry's change: only the fields that differ, old value struck in red and new
// value in green, with the whole before → after kept folded away for the curious.
import { fieldDiff, showValue } from "@/lib/config/changes/field-diff";
import { ScrollRegion } from "@/components/ui/scroll-region";

function Json({ value, label }: { value: unknown; label: string }) {
  if (value === null || value === undefined) return <span className="text-slate-500">nothing</span>;
  return (
    <ScrollRegion label={label} className="max-h-64 rounded bg-slate-50 p-2">
      <pre className="font-mono text-xs whitespace-pre-wrap break-all text-slate-800">{JSON.stringify(value, null, 2)}</pre>
    </ScrollRegion>
  );
}

export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined)) return <span className="text-slate-500">—</span>;
  const fields = fieldDiff(before, after);
  const created = before === null || before === undefined;
  const removed = after === null || after === undefined;
  return (
    <div>
      {fields.length === 0 ? (
        <p className="text-xs text-slate-600">No field changed.</p>
      ) : (
        <ul className="space-y-1" data-testid="field-diff">
          {fields.map((field) => (
            <li key={field.path} className="text-xs leading-5">
              <span className="mr-1.5 font-mono text-slate-700">{field.path}</span>
              {created || field.kind === "added" ? null : (
                <del className="rounded bg-red-50 px-1 font-mono text-red-800 decoration-red-400" data-testid="diff-before">
                  {showValue(field.before)}
                </del>
              )}
              {created || removed || field.kind !== "changed" ? null : <span className="mx-1 text-slate-500">→</span>}
              {removed || field.kind === "removed" ? null : (
                <ins className="rounded bg-emerald-50 px-1 font-mono text-emerald-800 no-underline" data-testid="diff-after">
                  {showValue(field.after)}
                </ins>
              )}
            </li>
          ))}
        </ul>
      )}
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-sky-700 select-none hover:underline">whole entry before → after</summary>
        <div className="mt-2 grid gap-2 lg:grid-cols-2">
          <div>
            <p className="mb-1 text-xs font-medium text-slate-600">Before</p>
            <Json value={before} label="Whole entry before" />
          </div>
          <div>
            <p className="mb-1 text-xs font-medium text-slate-600">After</p>
            <Json value={after} label="Whole entry after" />
          </div>
        </div>
      </details>
    </div>
  );
}
