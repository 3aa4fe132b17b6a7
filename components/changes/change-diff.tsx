// Before → after as JSON, folded away so a long log stays scannable.

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">nothing</span>;
  return <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-800">{JSON.stringify(value, null, 2)}</pre>;
}

export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined)) return <span className="text-slate-400">—</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer text-xs font-medium text-sky-700 select-none hover:underline">before → after</summary>
      <div className="mt-2 grid gap-2 md:grid-cols-2">
        <div>
          <p className="mb-1 text-xs font-medium text-slate-500">Before</p>
          <Json value={before} />
        </div>
        <div>
          <p className="mb-1 text-xs font-medium text-slate-500">After</p>
          <Json value={after} />
        </div>
      </div>
    </details>
  );
}
