"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { fieldErrorsOf } from "@/lib/forms/field-errors";
import { formErrorOf, invalidFeedback, NO_FEEDBACK, refusalFeedback, UNREACHABLE, type FormFeedback } from "@/lib/forms/form-feedback";
import { announceSaved } from "../save-status";

export interface ActionFormOptions<T> {
  onSuccess?: (data: T) => void;
  /**
   * Refresh the server components after a save. Actions that revalidate their page (most do)
   * need not; editors whose data the action does not revalidate ask for it.
   */
  refresh?: boolean;
}

/**
 * The client half of configAction, for every console form: validates in the browser with the
 * schema the server action uses (same messages, no round trip), then calls the action and puts
 * its refusals — field errors, stale edits, rule errors — next to the fields. The raw values are
 * sent, not the parsed ones: the server parses them again with the same schema and trusts
 * nothing from the browser. A successful save is announced by the console's one "Saved" status.
 *
 * `formError` is the refusal as a form with fields shows it (not repeated when it is shown at its
 * field); `refusal` is every refusal, for controls without fields (a row's move or delete buttons).
 */
export function useActionForm<S extends z.ZodType, T>(schema: S, action: (input: unknown) => Promise<ActionResult<T>>, options: ActionFormOptions<T> | ((data: T) => void) = {}) {
  const { onSuccess, refresh = false } = typeof options === "function" ? { onSuccess: options } : options;
  const router = useRouter();
  const [feedback, setFeedback] = useState<FormFeedback>(NO_FEEDBACK);
  const [pending, startTransition] = useTransition();

  function submit(values: unknown) {
    const parsed = schema.safeParse(values);
    if (!parsed.success) return setFeedback(invalidFeedback(fieldErrorsOf(parsed.error)));
    setFeedback(NO_FEEDBACK);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action(values);
      } catch {
        return setFeedback({ fieldErrors: {}, refusal: { message: UNREACHABLE, stale: false } });
      }
      if (!result.ok) return setFeedback(refusalFeedback(result));
      announceSaved();
      onSuccess?.(result.data);
      if (refresh) router.refresh();
    });
  }

  return {
    submit,
    pending,
    fieldErrors: feedback.fieldErrors,
    formError: formErrorOf(feedback),
    refusal: feedback.refusal,
    clearErrors: () => setFeedback(NO_FEEDBACK),
    /** Fetch the page's data again, e.g. after a stale refusal. */
    reload: () => router.refresh(),
  };
}
