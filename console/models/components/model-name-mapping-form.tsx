"use client";
import type { FormEvent } from "react";
import { useFormValues } from "@/components/ui/form/use-form-values";
import { createMappingAction, deleteMappingAction, updateMappingAction } from "@/console/models/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ModelNameMappingRow } from "@/console/models/server/list-model-name-mappings";
import { createMappingSchema, deleteMappingSchema, updateMappingSchema } from "@/console/models/schema";

export interface MappingTargets {
  tiers: Array<{ key: string; name: string }>;
  models: string[];
}

/** Add (mapping = null) or edit a model-name mapping; an edit can also delete it. */
export function ModelNameMappingForm({ mapping, targets, onDone }: { mapping: ModelNameMappingRow | null; targets: MappingTargets; onDone: () => void }) {
  const { values, set } = useFormValues({
    pattern: mapping?.pattern ?? "",
    target: mapping?.target ?? "auto",
    difficulty: mapping?.difficulty ?? "",
    priority: String(mapping?.priority ?? 100),
  });
  const form = useActionForm(mapping ? updateMappingSchema : createMappingSchema, mapping ? updateMappingAction : createMappingAction, onDone);
  const remove = useActionForm(deleteMappingSchema, deleteMappingAction, onDone);
  const errors = form.fieldErrors;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ ...values, ...(mapping ? { id: mapping.id, version: mapping.version } : {}) });
  }

  const formError = form.formError ?? remove.formError;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="mapping-pattern" label="Requested name pattern" placeholder="e.g. claude-opus-*" autoFocus value={values.pattern} onChange={set("pattern")} error={errors.pattern} />
        <SelectField id="mapping-target" label="Routed as" value={values.target} onChange={set("target")} error={errors.target}>
          <option value="auto">auto (the router decides)</option>
          {targets.tiers.map((tier) => (
            <option key={tier.key} value={`tier:${tier.key}`}>
              tier:{tier.key} ({tier.name})
            </option>
          ))}
          {targets.models.map((alias) => (
            <option key={alias} value={alias}>
              {alias}
            </option>
          ))}
        </SelectField>
        <SelectField id="mapping-difficulty" label="Difficulty" hint="Used when the caller declares none." value={values.difficulty} onChange={set("difficulty")} error={errors.difficulty}>
          <option value="">the request&apos;s own</option>
          <option value="routine">routine</option>
          <option value="standard">standard</option>
          <option value="hard">hard</option>
        </SelectField>
        <Field id="mapping-priority" label="Priority (lower is tried first)" inputMode="numeric" value={values.priority} onChange={set("priority")} error={errors.priority} />
      </div>
      {formError ? <FormAlert message={formError.message} stale={formError.stale} onReload={onDone} /> : null}
      <div className="flex justify-between gap-2">
        <div>
          {mapping ? (
            <Button variant="danger" disabled={remove.pending} onClick={() => remove.submit({ id: mapping.id, version: mapping.version })}>
              {remove.pending ? "Deleting…" : "Delete mapping"}
            </Button>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Saving…" : mapping ? "Save mapping" : "Add mapping"}
          </Button>
        </div>
      </div>
    </form>
  );
}
