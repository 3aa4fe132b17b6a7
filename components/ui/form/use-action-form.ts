"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { fieldErrorsOf } from "@/lib/forms/field-errors";
import { announceSaved } from "../save-status";

/** A refused save's message for the whole form; `stale`: the row changed since the form was opened, reload rather than resubmit. */
export interface FormError {
  message: string;
  stale: boolean;
}

export interface ActionFormOptions<T> {
  onSuccess?: (data: T) => void;
  /**
   * Refresh the server components after a save. Actions that revalidate their page (most do)
   * need not; editors whose data the action does not revalidate ask for it.
   */
  refresh?: boolean;
}

/** What a form or row shows when the action never answered (offline, server down). */
export const UNREACHABLE = "The console could not reach the server. Check your connection and try again; nothing was saved.";

/**
 * The client half of configAction, for every console form: validates in the browser with the
 * schema the server action uses (same messages, no round trip), then calls the action and puts
 * its refusals — field errors, stale edits, rule errors — next to the fields. The raw values are
 * sent, not the parsed ones: the server parses them again with the same schema and trusts
 * nothing from the browser. A successful save is announced by the console's one "Saved" status.
 *
 * `formError` is the refusal as a form with fields shows it: a refusal about one field
 * (ConfigRuleError with a field) is shown at that field, not twice. `refusal` is every refusal,
 * for controls without fields (a row's move or delete buttons).
 */
export function useActionForm<S extends z.ZodType, T>(schema: S, action: (input: unknown) => Promise<ActionResult<T>>, options: ActionFormOptions<T> | ((data: T) => void) = {}) {
  const { onSuccess, refresh = false } = typeof options === "function" ? { onSuccess: options } : options;
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<FormError | null>(null);
  const [pending, startTransition] = useTransition();

  function show(errors: Record<string, string>, error: FormError | null) {
    setFieldErrors(errors);
    setRefusal(error);
  }

  function submit(values: unknown) {
    const parsed = schema.safeParse(values);
    if (!parsed.success) return show(fieldErrorsOf(parsed.error), { message: "Some fields need attention.", stale: false });
    show({}, null);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action(values);
      } catch {
        return show({}, { message: UNREACHABLE, stale: false });
      }
      if (!result.ok) return show(result.fieldErrors ?? {}, { message: result.error, stale: result.stale === true });
      announceSaved();
      onSuccess?.(result.data);
      if (refresh) router.refresh();
    });
  }

  const shownAtField = refusal !== null && Object.values(fieldErrors).includes(refusal.message);
  return {
    submit,
    pending,
    fieldErrors,
    formError: shownAtField ? null : refusal,
    refusal,
    clearErrors: () => show({}, null),
    /** Fetch the page's data again, e.g. after a stale refusal. */
    reload: () => router.refresh(),
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;
