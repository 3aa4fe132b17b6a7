"use client";
// The What-if form: which policy, how many days; runs the replay and shows its progress, then the result.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/select-field";
import type { WhatIfResultData } from "@/lib/replay/result";
import { readWhatIfStream } from "./read-stream";
import { WhatIfResults } from "./what-if-results";

export interface PolicyChoice {
  value: string;
  label: string;
}

type State =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; result: WhatIfResultData }
  | { kind: "error"; message: string };

function policyBody(choice: string, documentText: string | null) {
  if (choice === "draft") return { kind: "draft" };
  if (choice === "document") return { kind: "document", text: documentText ?? "" };
  return { kind: "version", number: Number(choice.slice(1)) };
}

export function WhatIfRunner({ choices, preselected, maxDays }: { choices: PolicyChoice[]; preselected: string; maxDays: number }) {
  const [choice, setChoice] = useState(preselected);
  const [days, setDays] = useState("7");
  const [documentText, setDocumentText] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [errors, setErrors] = useState<{ days?: string; document?: string }>({});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const dayCount = Number(days);
    const found: typeof errors = {};
    if (!Number.isInteger(dayCount) || dayCount < 1 || dayCount > maxDays) found.days = `A whole number of days from 1 to ${maxDays} (older decisions are purged).`;
    if (choice === "document" && !documentText) found.document = "Choose a configuration document (JSON, as Export writes it).";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setState({ kind: "running", done: 0, total: 0 });
    try {
      const response = await fetch("/api/console/what-if", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ policy: policyBody(choice, documentText), days: dayCount }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ kind: "error", message: body?.error?.message ?? `The server answered ${response.status}.` });
        return;
      }
      await readWhatIfStream(response, (line) => {
        if (line.type === "progress") setState({ kind: "running", done: line.done, total: line.total });
        else if (line.type === "result") setState({ kind: "done", result: line.result });
        else setState({ kind: "error", message: line.message });
      });
    } catch {
      setState({ kind: "error", message: "The connection to the server was lost; nothing was changed. Try again." });
    }
  }

  const running = state.kind === "running";
  const percent = state.kind === "running" && state.total > 0 ? Math.min(100, Math.round((100 * state.done) / state.total)) : 0;
  return (
    <div className="space-y-6">
      <Card className="p-5">
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-4" aria-label="What-if">
          <SelectField id="what-if-policy" label="Policy to replay" value={choice} onChange={(event) => setChoice(event.target.value)} className="min-w-80 flex-1">
            {choices.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
          {choice === "document" ? (
            <div>
              <label htmlFor="what-if-document" className="block text-sm font-medium text-slate-700">
                Document
              </label>
              <input
                id="what-if-document"
                type="file"
                accept="application/json,.json"
                aria-invalid={errors.document ? true : undefined}
                className="mt-1 block text-sm"
                onChange={async (event) => setDocumentText((await event.target.files?.[0]?.text()) ?? null)}
              />
              {errors.document ? <p className="mt-1 text-sm text-red-600">{errors.document}</p> : null}
            </div>
          ) : null}
          <div>
            <label htmlFor="what-if-days" className="block text-sm font-medium text-slate-700">
              Last … days
            </label>
            <input
              id="what-if-days"
              type="number"
              min={1}
              max={maxDays}
              value={days}
              aria-invalid={errors.days ? true : undefined}
              aria-describedby={errors.days ? "what-if-days-error" : undefined}
              onChange={(event) => setDays(event.target.value)}
              className={`mt-1 block w-28 rounded-md border px-3 py-2 text-sm shadow-sm ${errors.days ? "border-red-400" : "border-slate-300"}`}
            />
          </div>
          <Button type="submit" disabled={running}>
            {running ? "Replaying…" : "Run what-if"}
          </Button>
          {errors.days ? (
            <p id="what-if-days-error" className="basis-full text-sm text-red-600">
              {errors.days}
            </p>
          ) : null}
        </form>
        {running ? (
          <div className="mt-4" role="status" aria-live="polite">
            <div className="h-2 w-full overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Replay progress">
              <div className="h-2 bg-sky-600 transition-all" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-1 text-xs text-slate-500" data-testid="what-if-progress">
              {state.total > 0 ? `${state.done.toLocaleString("en-US")} of about ${state.total.toLocaleString("en-US")} decisions replayed` : "Loading the policy…"}
            </p>
          </div>
        ) : null}
        {state.kind === "error" ? (
          <p role="alert" className="mt-4 text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
      </Card>
      {state.kind === "done" ? <WhatIfResults result={state.result} /> : null}
    </div>
  );
}
