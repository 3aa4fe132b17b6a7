"use client";
import { useState, type FormEvent } from "react";
import { createLicenceAction, updateLicenceAction } from "@/console/licences/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { LicenceRow } from "@/console/licences/server/list-licences";
import { suggestKey } from "@/lib/forms/fields";
import { createLicenceSchema, updateLicenceSchema } from "@/console/licences/schema";
import { formatDateTime } from "@/lib/format";

/** Create (licence = null) or edit a licence note. */
export function LicenceForm({ licence, onDone }: { licence: LicenceRow | null; onDone: () => void }) {
  const [values, setValues] = useState({
    key: licence?.key ?? "",
    name: licence?.name ?? "",
    family: licence?.family ?? "",
    commercialUse: licence?.commercialUse ?? "allowed",
    userCap: licence?.userCap?.toString() ?? "",
    restrictedJurisdictions: licence?.restrictedJurisdictions.join(", ") ?? "",
    acceptableUseNotes: licence?.acceptableUseNotes ?? "",
    jurisdictionNotes: licence?.jurisdictionNotes ?? "",
    sourceUrl: licence?.sourceUrl ?? "",
    markReviewed: false,
  });
  const [keyTouched, setKeyTouched] = useState(licence !== null);
  const form = useActionForm(licence ? updateLicenceSchema : createLicenceSchema, licence ? updateLicenceAction : createLicenceAction, onDone);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  const errors = form.fieldErrors;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ ...values, ...(licence ? { key: licence.key, version: licence.version } : {}) });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="licence-name"
          label="Name"
          autoFocus
          value={values.name}
          onChange={(event) => {
            const name = event.target.value;
            setValues((current) => ({ ...current, name, ...(keyTouched ? {} : { key: suggestKey(name) }) }));
          }}
          error={errors.name}
        />
        <Field
          id="licence-key"
          label="Key"
          value={values.key}
          readOnly={licence !== null}
          onChange={(event) => {
            setKeyTouched(true);
            set("key")(event);
          }}
          error={errors.key}
        />
        <Field id="licence-family" label="Model family" placeholder="e.g. Llama 3.1" value={values.family} onChange={set("family")} error={errors.family} />
        <SelectField id="licence-commercial" label="Commercial use" value={values.commercialUse} onChange={set("commercialUse")} error={errors.commercialUse}>
          <option value="allowed">allowed</option>
          <option value="restricted">restricted (allowed with conditions)</option>
          <option value="forbidden">forbidden</option>
        </SelectField>
        <Field id="licence-user-cap" label="User cap (monthly active users)" inputMode="numeric" placeholder="no cap" value={values.userCap} onChange={set("userCap")} error={errors.userCap} />
        <Field
          id="licence-jurisdictions"
          label="Restricted jurisdictions"
          placeholder="none, or e.g. EU, CN"
          value={values.restrictedJurisdictions}
          onChange={set("restrictedJurisdictions")}
          error={errors.restrictedJurisdictions}
        />
      </div>
      <TextareaField id="licence-aup" label="Acceptable use notes" rows={3} value={values.acceptableUseNotes} onChange={set("acceptableUseNotes")} error={errors.acceptableUseNotes} />
      <TextareaField id="licence-jurisdiction-notes" label="Jurisdiction notes" rows={2} value={values.jurisdictionNotes} onChange={set("jurisdictionNotes")} error={errors.jurisdictionNotes} />
      <Field id="licence-source" label="Source link" type="url" placeholder="https://…" value={values.sourceUrl} onChange={set("sourceUrl")} error={errors.sourceUrl} />
      <CheckboxField
        id="licence-reviewed"
        label="I reviewed these terms against the source"
        hint={
          licence?.reviewedBy || licence?.reviewedAt
            ? `Last reviewed by ${licence.reviewedBy ?? "unknown"}${licence.reviewedAt ? `, ${formatDateTime(licence.reviewedAt)}` : ""}. Ticking records you, now.`
            : "Not reviewed yet. Ticking records you as the reviewer, now."
        }
        checked={values.markReviewed}
        onChange={(event) => setValues((current) => ({ ...current, markReviewed: event.target.checked }))}
      />
      <FormFooter form={form} onCancel={onDone} saveLabel={licence ? "Save licence" : "Add licence"} />
    </form>
  );
}
