"use client";
import { useState, type FormEvent } from "react";
import { createProviderAction, updateProviderAction } from "@/console/providers/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { SelectField } from "@/components/ui/select-field";
import type { ProviderView } from "@/console/providers/server/load-providers";
import { PROVIDER_KIND_LABELS, providerInputSchema } from "@/console/providers/schema";
import { PROVIDER_KINDS, type ProviderKindInput } from "@/lib/config/provider-fields";

type Values = { key: string; name: string; kind: ProviderKindInput; baseUrl: string; apiKeyEnv: string; region: string; enabled: boolean; simulatedLatencyMs: string; simulatedFailureRate: string };

function initialValues(provider: ProviderView | null): Values {
  return {
    key: provider?.key ?? "",
    name: provider?.name ?? "",
    kind: provider?.kind ?? "openai-compatible",
    baseUrl: provider?.baseUrl ?? "",
    apiKeyEnv: provider?.apiKeyEnv ?? "",
    region: provider?.region ?? "",
    enabled: provider?.enabled ?? true,
    simulatedLatencyMs: String(provider?.simulatedLatencyMs ?? 100),
    simulatedFailureRate: String(provider?.simulatedFailureRate ?? 0),
  };
}

/**
 * Adds or edits a provider. The key's variable NAME is stored; the key itself never enters the
 * form. Without canChangeEndpoint (engineers) an existing provider's kind, base URL and key
 * variable are read-only; the server refuses such a change anyway, so this only saves a trip.
 */
export function ProviderForm({ provider, canChangeEndpoint, onDone }: { provider: ProviderView | null; canChangeEndpoint: boolean; onDone: () => void }) {
  const creating = provider === null;
  const endpointLocked = !creating && !canChangeEndpoint;
  const [values, setValues] = useState(() => initialValues(provider));
  const form = useActionForm(providerInputSchema, creating ? createProviderAction : updateProviderAction, { onSuccess: onDone, refresh: true });
  const change = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const id = (name: string) => `provider-${provider?.key ?? "new"}-${name}`;
  const errors = form.fieldErrors;
  const simulator = values.kind === "simulator";

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // A simulator calls nothing: hidden URL and key fields are not its business.
    form.submit({ ...values, ...(simulator ? { baseUrl: "", apiKeyEnv: "" } : {}), version: provider?.version ?? 0 });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-3 gap-x-4 gap-y-3" aria-label={creating ? "Add a provider" : `Edit ${provider.name}`}>
      <Field id={id("key")} label="Key (models refer to it)" value={values.key} disabled={!creating} onChange={(event) => change({ key: event.target.value })} error={errors.key} />
      <Field id={id("name")} label="Name" value={values.name} onChange={(event) => change({ name: event.target.value })} error={errors.name} />
      <SelectField id={id("kind")} label="Kind" value={values.kind} disabled={endpointLocked} onChange={(event) => change({ kind: event.target.value as ProviderKindInput })} error={errors.kind}>
        {PROVIDER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {PROVIDER_KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      {simulator ? (
        <>
          <Field id={id("latency")} label="Simulated latency (ms)" type="number" min={0} step={1} value={values.simulatedLatencyMs} onChange={(event) => change({ simulatedLatencyMs: event.target.value })} error={errors.simulatedLatencyMs} />
          <Field id={id("failure")} label="Simulated failure rate (0–1)" type="number" min={0} max={1} step="0.01" value={values.simulatedFailureRate} onChange={(event) => change({ simulatedFailureRate: event.target.value })} error={errors.simulatedFailureRate} />
        </>
      ) : (
        <>
          <Field id={id("base-url")} label="Base URL" placeholder={values.kind === "openai-compatible" ? "http://localhost:11434/v1" : "the vendor's default"} value={values.baseUrl} readOnly={endpointLocked} onChange={(event) => change({ baseUrl: event.target.value })} error={errors.baseUrl} />
          <Field id={id("key-env")} label="Environment variable holding the key" placeholder="e.g. TOGETHER_API_KEY" autoComplete="off" spellCheck={false} value={values.apiKeyEnv} readOnly={endpointLocked} onChange={(event) => change({ apiKeyEnv: event.target.value })} error={errors.apiKeyEnv} />
        </>
      )}
      <Field id={id("region")} label="Region (where data is processed)" placeholder="on-prem, us, eu…" value={values.region} onChange={(event) => change({ region: event.target.value })} error={errors.region} />
      <CheckboxField id={id("enabled")} label="Enabled" hint="A disabled provider's models are never candidates." className="pt-6" checked={values.enabled} onChange={(event) => change({ enabled: event.target.checked })} />
      <p className="col-span-2 self-end text-xs text-slate-500">
        {simulator ? "A simulator calls no network: answers are generated locally and labelled Simulated." : "Put the key itself in the server's environment; only the variable's name is stored and shown."}
        {canChangeEndpoint || simulator ? null : creating ? " Only an admin can add a provider that calls the network." : " Only an admin can change the kind, base URL or key variable."}
      </p>
      <FormFooter form={form} onCancel={onDone} saveLabel={creating ? "Add provider" : "Save provider"} inline />
    </form>
  );
}
