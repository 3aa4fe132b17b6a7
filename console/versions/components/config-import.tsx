"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { applyConfigAction, checkConfigAction } from "@/console/versions/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ConfigIssue } from "@/lib/config/documents/check-config-document";
import type { DescribedChange } from "@/lib/config/changes/describe-changes";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Step =
  | { kind: "idle" }
  | { kind: "problems"; issues: ConfigIssue[] }
  | { kind: "error"; message: string; stale?: boolean }
  | { kind: "ready"; text: string; fileName: string; total: number; changes: DescribedChange[]; basis: string | null }
  | { kind: "applied"; version: number | null; total: number };

/** Upload → check → read what would change → apply and publish (or fix the file and try again). */
export function ConfigImport() {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    // Cleared at once so choosing the same file again (after fixing it) is a new choice.
    event.target.value = "";
    startTransition(async () => {
      const text = await chosen.text();
      const result = await checkConfigAction({ text });
      if (!result.ok) return setStep({ kind: "error", message: result.fieldErrors?.text ?? result.error });
      if (!result.data.valid) return setStep({ kind: "problems", issues: result.data.issues });
      setStep({ kind: "ready", text, fileName: chosen.name, total: result.data.total, changes: result.data.changes, basis: result.data.basis });
      setNote(`Apply ${chosen.name}`);
    });
  }

  function onApply(event: FormEvent) {
    event.preventDefault();
    if (step.kind !== "ready") return;
    startTransition(async () => {
      const result = await applyConfigAction({ text: step.text, note, basis: step.basis });
      if (!result.ok) {
        if (result.fieldErrors?.note) return setNoteError(result.fieldErrors.note);
        return setStep({ kind: "error", message: result.error, stale: result.stale });
      }
      if (!result.data.applied) return setStep({ kind: "problems", issues: result.data.issues });
      setStep({ kind: "applied", version: result.data.version, total: result.data.total });
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="config-file" className="block text-sm font-medium text-slate-700">
          Apply a configuration document
        </label>
        <input
          id="config-file"
          type="file"
          accept="application/json,.json"
          onChange={onFile}
          disabled={pending}
          className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-100"
        />
        <p className="mt-1 text-xs text-slate-500">Checked first; nothing changes until you press Apply. Applying makes the working configuration equal to the file (rows missing from it are removed) and publishes it as a new version.</p>
      </div>
      {pending && step.kind !== "ready" ? <p className="text-sm text-slate-500">Checking the file…</p> : null}
      {step.kind === "problems" ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="config-problems">
          <p className="font-medium">The file cannot be applied; nothing was changed. Fix these and choose it again:</p>
          <ScrollRegion label="Problems in the file" className="mt-1 max-h-56">
            <ul className="list-disc space-y-0.5 pl-5">
              {step.issues.map((issue, index) => (
                <li key={index}>
                  {issue.path ? <code className="font-mono text-xs">{issue.path}</code> : null} {issue.message}
                </li>
              ))}
            </ul>
          </ScrollRegion>
        </div>
      ) : null}
      {step.kind === "error" ? (
        <p role="alert" className={step.stale ? "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"}>
          {step.message} {step.stale ? "Choose the file again to check it against the latest configuration." : ""}
        </p>
      ) : null}
      {step.kind === "ready" ? (
        <form onSubmit={onApply} className="space-y-3 rounded-md border border-slate-200 p-3" aria-label="Apply the configuration document" data-testid="config-plan">
          <p className="text-sm text-slate-800">
            <strong>{step.fileName}</strong>: {step.total === 0 ? "no changes — the working configuration already matches it." : `${step.total} change${step.total === 1 ? "" : "s"}:`}
          </p>
          {step.changes.length > 0 ? (
            <ScrollRegion label="Changes in the file" className="max-h-56">
              <ul className="list-disc space-y-0.5 pl-5 text-sm text-slate-700">
                {step.changes.map((change, index) => (
                  <li key={index}>{change.text}</li>
                ))}
              </ul>
            </ScrollRegion>
          ) : null}
          {step.total > 0 ? (
            <div className="flex flex-wrap items-end gap-3">
              <Field id="config-note" label="Publish note" className="w-96" value={note} onChange={(event) => (setNote(event.target.value), setNoteError(undefined))} error={noteError} maxLength={500} />
              <Button type="submit" disabled={pending}>
                {pending ? "Applying…" : "Apply and publish"}
              </Button>
              <Button variant="ghost" onClick={() => setStep({ kind: "idle" })}>
                Cancel
              </Button>
            </div>
          ) : null}
        </form>
      ) : null}
      {step.kind === "applied" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {step.version === null ? "Nothing to apply: the working configuration already matched the file." : `Applied ${step.total} change${step.total === 1 ? "" : "s"} and published version ${step.version}. The gateway serves it now.`}
        </p>
      ) : null}
    </div>
  );
}
