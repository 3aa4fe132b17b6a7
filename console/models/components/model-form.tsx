"use client";
import { useState, type FormEvent } from "react";
import { createModelAction, updateModelAction } from "@/console/models/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { SelectField } from "@/components/ui/select-field";
import type { ModelCatalogue } from "@/console/models/server/load-model-catalogue";
import { modelInputSchema } from "@/console/models/schema";
import { CapabilityFields } from "./capability-fields";
import { CatalogueFill } from "./catalogue-fill";
import { HardwareProfileFields } from "./hardware-profile-fields";
import { ListPriceFields } from "./list-price-fields";
import { applyCatalogueEntry, toModelInput, type ModelFormValues } from "../model-form-values";

interface Props {
  /** version 0 = add a model. */
  version: number;
  initial: ModelFormValues;
  options: Omit<ModelCatalogue, "tiers"> & { tiers: Array<{ key: string; name: string }> };
  onDone: () => void;
}

/** Adds or edits one model; every field the router reads, with the server's errors beside each, and a catalogue to fill them from. */
export function ModelForm({ version, initial, options, onDone }: Props) {
  const creating = version === 0;
  const [values, setValues] = useState(initial);
  const form = useActionForm(modelInputSchema, creating ? createModelAction : updateModelAction, { onSuccess: onDone, refresh: true });
  const change = (patch: Partial<ModelFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const id = (name: string) => `model-${initial.alias || "new"}-${name}`;
  const errors = form.fieldErrors;
  const providerCatalogue = options.providers.find((provider) => provider.key === values.providerKey)?.catalogueProvider ?? null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit(toModelInput(values, version));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={creating ? "Add a model" : `Edit ${initial.alias}`}>
      <CatalogueFill
        idPrefix={id("catalogue")}
        providerKey={values.providerKey}
        catalogueRef={values.catalogueRef}
        tierKey={values.tierKey}
        tiers={options.tiers}
        onUse={(entry) => change(applyCatalogueEntry(values, entry, { providerCatalogue, creating }))}
        onForget={() => change({ catalogueRef: "" })}
        onMoveTier={(tierKey) => change({ tierKey })}
      />
      <Field id={id("alias")} label="Alias (apps pin this name)" value={values.alias} readOnly={!creating} disabled={!creating} onChange={(event) => change({ alias: event.target.value })} error={errors.alias} />
      <Field id={id("provider-model")} label="Provider's model id" value={values.providerModelId} onChange={(event) => change({ providerModelId: event.target.value })} error={errors.providerModelId} />
      <SelectField id={id("tier")} label="Tier" value={values.tierKey} onChange={(event) => change({ tierKey: event.target.value })} error={errors.tierKey}>
        {options.tiers.map((tier) => (
          <option key={tier.key} value={tier.key}>
            {tier.name}
          </option>
        ))}
      </SelectField>
      <SelectField id={id("provider")} label="Provider" value={values.providerKey} onChange={(event) => change({ providerKey: event.target.value })} error={errors.providerKey}>
        <option value="">Choose…</option>
        {options.providers.map((provider) => (
          <option key={provider.key} value={provider.key}>
            {provider.name}
            {provider.kind === "simulator" ? " (Simulated)" : ""}
            {provider.enabled ? "" : " (disabled)"}
          </option>
        ))}
      </SelectField>
      <Field id={id("context")} label="Context window (tokens)" type="number" min={256} step={1} value={values.contextWindow} onChange={(event) => change({ contextWindow: event.target.value })} error={errors.contextWindow} />
      <Field id={id("priority")} label="Priority (lower first)" type="number" min={0} step={1} value={values.priority} onChange={(event) => change({ priority: event.target.value })} error={errors.priority} />
      <SelectField id={id("licence")} label="Licence" value={values.licenceKey} onChange={(event) => change({ licenceKey: event.target.value })} error={errors.licenceKey}>
        <option value="">None recorded</option>
        {options.licences.map((licence) => (
          <option key={licence.key} value={licence.key}>
            {licence.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={id("kind")}
        label="Kind"
        value={values.kind}
        onChange={(event) => change({ kind: event.target.value === "embedding" ? "embedding" : "chat" })}
        error={errors.kind}
      >
        <option value="chat">Chat</option>
        <option value="embedding">Embedding</option>
      </SelectField>
      {values.kind === "embedding" ? (
        <Field
          id={id("dimensions")}
          label="Dimensions (vector length)"
          type="number"
          min={1}
          step={1}
          placeholder="not recorded"
          value={values.embeddingDimensions}
          onChange={(event) => change({ embeddingDimensions: event.target.value })}
          error={errors.embeddingDimensions}
        />
      ) : null}
      <CheckboxField id={id("enabled")} label="Enabled" hint="Disabled models are never candidates." className="pt-6" checked={values.enabled} onChange={(event) => change({ enabled: event.target.checked })} />
      {/* An embedding answers vectors: no output tokens to cap and no tools, schemas, images or reasoning. */}
      {values.kind === "embedding" ? null : (
        <>
          <Field
            id={id("max-output")}
            label="Max output (tokens)"
            type="number"
            min={1}
            step={1}
            placeholder="context window"
            value={values.maxOutputTokens}
            onChange={(event) => change({ maxOutputTokens: event.target.value })}
            error={errors.maxOutputTokens}
          />
          <CapabilityFields idPrefix={id("capability")} value={values.capabilities} onChange={(capabilities) => change({ capabilities })} error={errors.capabilities} />
        </>
      )}

      <fieldset className="col-span-full flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
        <legend className="sr-only">How this model is priced</legend>
        <span className="font-medium text-slate-700">Priced by</span>
        {(["list", "hardware"] as const).map((source) => (
          <label key={source} className="flex items-center gap-1.5 text-slate-700">
            <input type="radio" name={id("pricing")} value={source} checked={values.pricingSource === source} onChange={() => change({ pricingSource: source })} className="accent-slate-900" />
            {source === "list" ? "price list (USD per 1M tokens)" : "hardware profile (local models)"}
          </label>
        ))}
      </fieldset>
      {values.pricingSource === "list" ? (
        <ListPriceFields id={id} values={values} errors={errors} onChange={change} />
      ) : (
        <HardwareProfileFields idPrefix={id("hw")} values={values} profiles={options.hardwareProfiles} errors={errors} onChange={change} alias={initial.alias} />
      )}

      <FormFooter form={form} onCancel={onDone} saveLabel={creating ? "Add model" : "Save model"} inline />
    </form>
  );
}
