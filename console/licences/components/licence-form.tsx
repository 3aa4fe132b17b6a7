"use client";
import type { FormEvent } from "react";
import { createLicenceAction, updateLicenceAction } from "@/console/licences/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { NameKeyFields } from "@/components/ui/form/name-key-fields";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { useFormValues } from "@/components/ui/form/use-form-values";
import type { LicenceRow } from "@/console/licences/server/list-licences";
import { createLicenceSchema, updateLicenceSchema } from "@/console/licences/schema";
import { formatDateTime } from "@/lib/format";

/** Create (licence = null) or edit a licence note. */
export function LicenceForm({ licence, onDone }: { licence: LicenceRow | null; onDone: () => void }) {
  const { values, set, update } = useFormValues({
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
  const form = useActionForm(licence ? updateLicenceSchema : createLicenceSchema, licence ? updateLicenceAction : createLicenceAction, onDone);
  const errors = form.fieldErrors;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ ...values, ...(licence ? { key: licence.key, version: licence.version } : {}) });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <NameKeyFields idPrefix="licence" name={values.name} keyValue={values.key} existing={licence !== null} errors={errors} onChange={update} />
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
        onChange={(event) => update({ markReviewed: event.target.checked })}
      />
      <FormFooter form={form} onCancel={onDone} saveLabel={licence ? "Save licence" : "Add licence"} />
    </form>
  );
}
