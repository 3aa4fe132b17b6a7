"use client";
import { useState, type FormEvent } from "react";
import { createApiKeyAction, updateApiKeyAction } from "@/console/api-keys/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ApiKeyRow } from "@/console/api-keys/server/list-api-keys";
import { createApiKeySchema, updateApiKeySchema } from "@/console/api-keys/schema";

export interface FeatureOption {
  key: string;
  name: string;
}

export type CreatedKey = { id: string; prefix: string; secret: string };

/** Create (apiKey = null; onCreated gets the secret) or edit a key's name, scope and rate limit. */
export function ApiKeyForm({
  apiKey,
  features,
  loadedAt,
  onCreated,
  onDone,
}: {
  apiKey: ApiKeyRow | null;
  features: FeatureOption[];
  loadedAt: string;
  onCreated?: (key: CreatedKey) => void;
  onDone: () => void;
}) {
  const [name, setName] = useState(apiKey?.name ?? "");
  const [featureKeys, setFeatureKeys] = useState(apiKey?.features.map((feature) => feature.key) ?? []);
  const [defaultFeatureKey, setDefaultFeatureKey] = useState(apiKey?.defaultFeatureKey ?? "");
  const [rateLimit, setRateLimit] = useState(apiKey?.rateLimitPerMinute?.toString() ?? "");
  const form = useActionForm<typeof createApiKeySchema | typeof updateApiKeySchema, CreatedKey | void>(
    apiKey ? updateApiKeySchema : createApiKeySchema,
    apiKey ? updateApiKeyAction : createApiKeyAction,
    (data) => (data && onCreated ? onCreated(data) : onDone()),
  );
  const errors = form.fieldErrors;
  const defaultChoices = featureKeys.length === 0 ? features : features.filter((feature) => featureKeys.includes(feature.key));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ name, featureKeys, defaultFeatureKey, rateLimitPerMinute: rateLimit, ...(apiKey ? { id: apiKey.id, seenAt: loadedAt } : {}) });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="api-key-name" label="Name" placeholder="e.g. Support app (production)" autoFocus value={name} onChange={(event) => setName(event.target.value)} error={errors.name} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Features this key may use</legend>
        <p className="text-xs text-slate-500">None ticked: any feature. Requests naming another feature are refused (403).</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {features.map((feature) => (
            <CheckboxField
              key={feature.key}
              id={`api-key-feature-${feature.key}`}
              label={feature.name}
              hint={feature.key}
              checked={featureKeys.includes(feature.key)}
              onChange={(event) => {
                const next = event.target.checked ? [...featureKeys, feature.key] : featureKeys.filter((key) => key !== feature.key);
                setFeatureKeys(next);
                if (next.length > 0 && defaultFeatureKey !== "" && !next.includes(defaultFeatureKey)) setDefaultFeatureKey("");
              }}
            />
          ))}
        </div>
        {errors.featureKeys ? <p className="mt-1 text-sm text-red-600">{errors.featureKeys}</p> : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="api-key-default-feature"
          label="Default feature"
          hint="Used when a request names no feature."
          value={defaultFeatureKey}
          onChange={(event) => setDefaultFeatureKey(event.target.value)}
          error={errors.defaultFeatureKey}
        >
          <option value="">none</option>
          {defaultChoices.map((feature) => (
            <option key={feature.key} value={feature.key}>
              {feature.name}
            </option>
          ))}
        </SelectField>
        <Field id="api-key-rate-limit" label="Rate limit (requests per minute)" inputMode="numeric" placeholder="unlimited" value={rateLimit} onChange={(event) => setRateLimit(event.target.value)} error={errors.rateLimitPerMinute} />
      </div>
      <FormFooter form={form} onCancel={onDone} saveLabel={apiKey ? "Save key" : "Create key"} />
    </form>
  );
}
