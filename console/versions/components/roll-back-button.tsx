"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { rollBackAction } from "@/console/versions/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/form/use-action-form";

const schema = z.object({ toVersion: z.number().int().min(1), note: z.string().trim().max(500).optional() });

/** Re-publishes an older version as the newest one, after a confirm step with an optional reason. */
export function RollBackButton({ version }: { version: number }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<number | null>(null);
  const form = useActionForm(schema, rollBackAction, {
    onSuccess: (data: { version: number }) => {
      setOpen(false);
      setDone(data.version);
    },
    refresh: true,
  });
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ toVersion: version, note: reason });
  }

  if (!open) {
    return (
      <div className="flex flex-col items-end gap-1">
        <Button variant="secondary" className="px-2.5 py-1 whitespace-nowrap" onClick={() => setOpen(true)} aria-label={`Roll back to version ${version}`}>
          Roll back to v{version}
        </Button>
        {done !== null ? <span role="status" className="text-xs text-emerald-700">Published as version {done}.</span> : null}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1.5" aria-label={`Roll back to version ${version}`}>
      <label htmlFor={`rollback-${version}-note`} className="sr-only">
        Why roll back (optional)
      </label>
      <input
        ref={input}
        id={`rollback-${version}-note`}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        placeholder="Why (optional)"
        maxLength={500}
        className="w-52 rounded-md border border-slate-300 px-2.5 py-1 text-sm"
      />
      <div className="flex gap-1.5">
        <Button type="submit" variant="danger" className="px-2.5 py-1 whitespace-nowrap" disabled={form.pending}>
          {form.pending ? "Publishing…" : `Publish v${version} again`}
        </Button>
        <Button variant="ghost" className="px-2.5 py-1" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {form.refusal ? <p role="alert" className="max-w-60 text-right text-xs text-red-700">{form.refusal.message}</p> : null}
    </form>
  );
}
