"use client";
import { useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { dryRunAction, runForRealAction } from "@/console/playground/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import type { PlaygroundDryRun } from "@/console/playground/server/dry-run";
import type { PlaygroundOptions } from "@/console/playground/server/load-options";
import type { PlaygroundRun } from "@/console/playground/server/run";
import { fieldErrorsOf } from "@/lib/forms/field-errors";
import { playgroundSchema } from "@/console/playground/schema";
import { DIFFICULTIES } from "@/lib/routing/types";
import { DryRunResult } from "./dry-run-result";
import { RealRunResult } from "./real-run-result";

type Result = { kind: "dry"; value: PlaygroundDryRun } | { kind: "real"; value: PlaygroundRun };

export function Playground({ options }: { options: PlaygroundOptions }) {
  const [values, setValues] = useState({
    featureKey: options.features[0]?.key ?? "",
    difficulty: "",
    dataClass: "",
    model: "auto",
    maxOutputTokens: "",
    system: "You are a helpful assistant for our support team.",
    user: "",
    offerTool: false,
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [pending, setPending] = useState<"dry" | "real" | null>(null);
  const [, startTransition] = useTransition();
  const set = (field: Exclude<keyof typeof values, "offerTool">) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  const feature = options.features.find((entry) => entry.key === values.featureKey);

  function run(kind: "dry" | "real") {
    const parsed = playgroundSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(kind);
    startTransition(async () => {
      try {
        const response = kind === "dry" ? await dryRunAction(values) : await runForRealAction(values);
        if (!response.ok) {
          setFieldErrors(response.fieldErrors ?? {});
          setError(response.error);
        } else {
          setResult(kind === "dry" ? { kind, value: response.data as PlaygroundDryRun } : { kind, value: response.data as PlaygroundRun });
        }
      } catch {
        setError("The console could not reach the server. Check your connection and try again.");
      } finally {
        setPending(null);
      }
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    run("dry");
  }

  // Ctrl/⌘+Enter in a message box: dry run, without reaching for the mouse.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run("dry");
    }
  }

  const groups = { router: "Router", tier: "Pin a tier", model: "Pin a model" } as const;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm lg:sticky lg:top-6" aria-label="Request">
        <SelectField id="playground-feature" label="Feature" value={values.featureKey} onChange={set("featureKey")} error={fieldErrors.featureKey}>
          {options.features.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.name}
            </option>
          ))}
          <option value="">none (unattributed: at least internal)</option>
        </SelectField>
        <div className="grid grid-cols-2 gap-3">
          <SelectField id="playground-difficulty" label="Difficulty" value={values.difficulty} onChange={set("difficulty")} error={fieldErrors.difficulty}>
            <option value="">{feature ? `feature default (${feature.defaultDifficulty})` : "default"}</option>
            {DIFFICULTIES.map((difficulty) => (
              <option key={difficulty} value={difficulty}>
                {difficulty}
              </option>
            ))}
          </SelectField>
          <SelectField id="playground-data-class" label="Declared class" value={values.dataClass} onChange={set("dataClass")} error={fieldErrors.dataClass}>
            <option value="">none declared</option>
            {options.dataClasses.map((dataClass) => (
              <option key={dataClass} value={dataClass}>
                {dataClass}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="grid grid-cols-[minmax(0,1fr)_6.5rem] gap-3">
          <SelectField id="playground-model" label="Model" value={values.model} onChange={set("model")} error={fieldErrors.model}>
            {(Object.keys(groups) as Array<keyof typeof groups>).map((group) => (
              <optgroup key={group} label={groups[group]}>
                {options.models
                  .filter((model) => model.group === group)
                  .map((model) => (
                    <option key={model.value} value={model.value}>
                      {model.label}
                      {model.simulated ? " · simulated" : ""}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
          <Field id="playground-max-tokens" label="Max out" inputMode="numeric" placeholder="1024" value={values.maxOutputTokens} onChange={set("maxOutputTokens")} error={fieldErrors.maxOutputTokens} />
        </div>
        <TextareaField id="playground-system" label="System message" rows={3} value={values.system} onChange={set("system")} onKeyDown={onKeyDown} error={fieldErrors.system} />
        <TextareaField
          id="playground-user"
          label="User message"
          rows={6}
          value={values.user}
          onChange={set("user")}
          onKeyDown={onKeyDown}
          placeholder="Paste the prompt to route, e.g. Summarise this ticket: …"
          error={fieldErrors.user}
          hint="Ctrl+Enter runs the dry run."
        />
        <CheckboxField
          id="playground-offer-tool"
          label="Offer a sample tool (lookup_order)"
          hint="The request then needs a model that can call tools; the trace shows which ones could."
          checked={values.offerTool}
          onChange={(event) => setValues((current) => ({ ...current, offerTool: event.target.checked }))}
        />
        {error ? <FormAlert message={error} /> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending !== null}>
            {pending === "dry" ? "Deciding…" : "Dry run"}
          </Button>
          <Button variant="secondary" onClick={() => run("real")} disabled={pending !== null}>
            {pending === "real" ? "Calling the model…" : "Run for real"}
          </Button>
        </div>
        <p className="text-xs text-slate-500">
          A dry run calls no model and records nothing. Run for real sends the request through the gateway as you: it calls the model, costs money on real
          providers, and leaves a decision record.
        </p>
      </form>
      <div aria-live="polite" aria-busy={pending !== null} className={pending ? "opacity-60 transition-opacity" : undefined}>
        {result === null ? (
          <div className="flex min-h-80 items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white px-6 text-center">
            <div>
              <p className="text-sm font-medium text-slate-800">No decision yet</p>
              <p className="mt-1 text-sm text-slate-500">Type a user message and choose Dry run to see the data class, the candidates and every rejection with its reason.</p>
            </div>
          </div>
        ) : result.kind === "dry" ? (
          <DryRunResult result={result.value} />
        ) : (
          <RealRunResult result={result.value} />
        )}
      </div>
    </div>
  );
}
