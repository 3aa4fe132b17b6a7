"use client";
import { Button } from "../button";
import { FormAlert } from "../form-alert";
import { FormStatus } from "./form-status";
import type { FormError } from "@/lib/forms/form-feedback";

interface FooterForm {
  pending: boolean;
  formError: FormError | null;
  refusal: FormError | null;
  reload: () => void;
}

/**
 * The foot of every console form: the refusal of the last save, Cancel, and the submit button,
 * which says what it does ("Add feature", "Save licence") and "Saving…" while the action runs.
 *
 * In a dialog (the default) the refusal sits above the buttons and a stale one's Reload also
 * closes the form, so the person reopens it on fresh data. `inline` is for editors that open in
 * place on the page (providers, models, tiers, routing rules): one row, the refusal on the left
 * (every refusal: these editors may not show the field it names) and Save before Cancel on the
 * right; Reload refreshes the page data under the open editor.
 */
export function FormFooter({
  form,
  onCancel,
  saveLabel,
  savingLabel = "Saving…",
  inline = false,
}: {
  form: FooterForm;
  onCancel: () => void;
  saveLabel: string;
  savingLabel?: string;
  inline?: boolean;
}) {
  const save = (
    <Button type="submit" disabled={form.pending}>
      {form.pending ? savingLabel : saveLabel}
    </Button>
  );
  if (inline) {
    return (
      <div className="col-span-full flex flex-wrap items-center justify-between gap-3">
        <FormStatus error={form.refusal} onReload={form.reload} />
        <div className="ml-auto flex items-center gap-2">
          {save}
          <Button variant="ghost" onClick={onCancel} disabled={form.pending}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }
  return (
    <>
      {form.formError ? <FormAlert message={form.formError.message} stale={form.formError.stale} onReload={onCancel} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        {save}
      </div>
    </>
  );
}
