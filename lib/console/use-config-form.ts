"use client";
// Transitional: the older form hook's shape (feedback = { errors, message, stale }) over the one
// form hook, components/ui/form/use-action-form.ts, kept only until the last editors using it
// (models, routing, versions) move onto useActionForm; then this file goes.
import type { z } from "zod";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/forms/action-result";

export interface FormFeedback {
  errors: Record<string, string>;
  /** A message for the whole form (also set when only field errors came back). */
  message: string | null;
  /** The row changed since the form was opened: the form must be reloaded, not resubmitted. */
  stale: boolean;
}

export function useConfigForm<T>(schema: z.ZodType, action: (input: unknown) => Promise<ActionResult<T>>, onSaved?: (data: T) => void) {
  const form = useActionForm(schema, action, { onSuccess: onSaved, refresh: true });
  const feedback: FormFeedback = { errors: form.fieldErrors, message: form.refusal?.message ?? null, stale: form.refusal?.stale ?? false };
  return { feedback, pending: form.pending, submit: form.submit, clear: form.clearErrors, reload: form.reload };
}
