"use client";
import { useState, type FormEvent } from "react";
import { updateDataClassAction } from "@/console/data-rules/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { EditButton } from "@/components/ui/form/dialog-button";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { DataClassRow } from "@/console/data-rules/server/list-data-classes";
import type { TierOption } from "@/console/data-rules/server/list-tier-options";
import { dataClassSchema } from "@/console/data-rules/schema";

function DataClassForm({ dataClass, tiers, onDone }: { dataClass: DataClassRow; tiers: TierOption[]; onDone: () => void }) {
  const [tierKeys, setTierKeys] = useState(dataClass.tiers.map((tier) => tier.key));
  const [regions, setRegions] = useState(dataClass.allowedRegions.join(", "));
  const form = useActionForm(dataClassSchema, updateDataClassAction, onDone);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ key: dataClass.key, version: dataClass.version, tierKeys: tiers.map((tier) => tier.key).filter((key) => tierKeys.includes(key)), allowedRegions: regions });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <fieldset aria-describedby={form.fieldErrors.tierKeys ? "data-class-tiers-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">May use tiers</legend>
        <div className="mt-2 space-y-2">
          {tiers.map((tier) => (
            <CheckboxField
              key={tier.key}
              id={`data-class-tier-${tier.key}`}
              label={tier.name}
              hint={tier.key}
              checked={tierKeys.includes(tier.key)}
              onChange={(event) => setTierKeys((keys) => (event.target.checked ? [...keys, tier.key] : keys.filter((key) => key !== tier.key)))}
            />
          ))}
        </div>
        {tierKeys.length === 0 ? <p className="mt-2 text-sm text-amber-800">With no tier, every request of this class is refused.</p> : null}
        {form.fieldErrors.tierKeys ? (
          <p id="data-class-tiers-error" className="mt-2 text-sm text-red-600">
            {form.fieldErrors.tierKeys}
          </p>
        ) : null}
      </fieldset>
      <Field
        id="data-class-regions"
        label="Provider regions"
        value={regions}
        onChange={(event) => setRegions(event.target.value)}
        placeholder="any region"
        error={form.fieldErrors.allowedRegions}
      />
      <p className="-mt-2 text-xs text-slate-500">Comma-separated, as providers declare them (on-prem, us, eu). Leave empty for any region.</p>
      <p className="text-xs text-slate-500">
        Classes only tighten as they rise: a more sensitive class may not use a tier or region that a less sensitive class may not.
      </p>
      <FormFooter form={form} onCancel={onDone} saveLabel="Save class" />
    </form>
  );
}

export function EditDataClassButton({ dataClass, tiers }: { dataClass: DataClassRow; tiers: TierOption[] }) {
  return (
    <EditButton name={dataClass.name} title={`Edit data class: ${dataClass.name}`} description="Saved to the working configuration; the gateway applies it after Publish.">
      {(close) => <DataClassForm dataClass={dataClass} tiers={tiers} onDone={close} />}
    </EditButton>
  );
}
