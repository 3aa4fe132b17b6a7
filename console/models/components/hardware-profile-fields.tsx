"use client";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { describeHardwarePrice } from "@/console/models/hardware-price";
import type { HardwareProfileView } from "@/console/models/server/load-model-catalogue";
import { profileValues, type ModelFormValues } from "../model-form-values";

interface Props {
  idPrefix: string;
  values: ModelFormValues;
  profiles: HardwareProfileView[];
  errors: Record<string, string>;
  onChange: (patch: Partial<ModelFormValues>) => void;
  /** The model being edited, so "shared with" names only the others. */
  alias: string;
}

const FIELDS = [
  { name: "purchasePriceUsd", label: "Purchase price (USD)", step: "0.01" },
  { name: "amortisationMonths", label: "Amortisation (months)", step: "1" },
  { name: "watts", label: "Power draw (watts)", step: "1" },
  { name: "usdPerKwh", label: "Electricity ($/kWh)", step: "0.0001" },
  { name: "tokensPerDay", label: "Sustained tokens per day", step: "1" },
] as const;

/** A local model's hardware profile, with its effective price worked out as the person types. */
export function HardwareProfileFields({ idPrefix, values, profiles, errors, onChange, alias }: Props) {
  const price = describeHardwarePrice(values);
  const selected = profiles.find((profile) => profile.id === values.profileId);
  const sharedWith = selected?.usedBy.filter((other) => other !== alias) ?? [];
  return (
    <fieldset className="col-span-full grid grid-cols-1 gap-x-4 gap-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-3">
      <legend className="px-1 text-sm font-medium text-slate-700">Hardware profile</legend>
      <SelectField
        id={`${idPrefix}-profile`}
        label="Profile"
        value={values.profileId}
        onChange={(event) => onChange(profileValues(profiles.find((profile) => profile.id === event.target.value) ?? null))}
      >
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
          </option>
        ))}
        <option value="">New profile…</option>
      </SelectField>
      <Field
        id={`${idPrefix}-profile-name`}
        label="Profile name"
        value={values.profileName}
        onChange={(event) => onChange({ profileName: event.target.value })}
        error={errors["pricing.profile.name"]}
      />
      <div className="self-end pb-1 text-sm" aria-live="polite" data-testid="effective-price">
        <p className="font-semibold text-slate-900">{price.ok ? price.headline : "—"}</p>
        <p className="text-xs text-slate-500">{price.ok ? price.breakdown : price.headline}</p>
      </div>
      {FIELDS.map((field) => (
        <Field
          key={field.name}
          id={`${idPrefix}-${field.name}`}
          label={field.label}
          type="number"
          min={0}
          step={field.step}
          inputMode="decimal"
          value={values[field.name]}
          onChange={(event) => onChange({ [field.name]: event.target.value })}
          error={errors[`pricing.profile.${field.name}`]}
        />
      ))}
      <p className="col-span-full text-xs text-slate-500">
        Input and output tokens cost the same on owned hardware: this one price serves as both.
        {sharedWith.length > 0 ? <strong className="font-medium text-amber-800"> Shared with {sharedWith.join(", ")}: saving changes their price too.</strong> : null}
      </p>
    </fieldset>
  );
}
