"use client";
import { Button } from "../button";
import { FormAlert } from "../form-alert";
import type { FormError } from "./use-action-form";

/**
 * The foot of every console form in a dialog: the refusal of the last save (a stale one with
 * its Reload), then Cancel and the submit button, which says what it does ("Add feature",
 * "Save licence") and "Saving…" while the action runs. Cancel also closes the form after a
 * Reload, so the person reopens it on the fresh data.
 */
export function FormFooter({
  form,
  onCancel,
  saveLabel,
  savingLabel = "Saving…",
}: {
  form: { pending: boolean; formError: FormError | null };
  onCancel: () => void;
  saveLabel: string;
  savingLabel?: string;
}) {
  return (
    <>
      {form.formError ? <FormAlert message={form.formError.message} stale={form.formError.stale} onReload={onCancel} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? savingLabel : saveLabel}
        </Button>
      </div>
    </>
  );
}
