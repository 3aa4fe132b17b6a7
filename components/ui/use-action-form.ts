"use client";
import { useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/config/config-action";
import { fieldErrorsOf } from "@/lib/config/field-errors";
import { announceSaved } from "./save-status";

export interface ActionFormState {
  fieldErrors: Record<string, string>;
  formError: { message: string; stale: boolean } | null;
  pending: boolean;
}

/**
 * Submits a console form: validates in the browser with the schema the server action uses
 * (same messages, no round trip), then calls the action and puts its refusals — field errors,
 * stale edits, rule errors — next to the fields. The raw values are sent, not the parsed ones:
 * the server parses them again with the same schema and trusts nothing from the browser.
 */
export function useActionForm<S extends z.ZodType, T>(schema: S, action: (input: unknown) => Promise<ActionResult<T>>, onSuccess: (data: T) => void) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ActionFormState["formError"]>(null);
  const [pending, startTransition] = useTransition();

  function submit(values: unknown) {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      setFormError({ message: "Some fields need attention.", stale: false });
      return;
    }
    setFieldErrors({});
    setFormError(null);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action(values);
      } catch {
        setFormError({ message: "The console could not reach the server. Check your connection and try again; nothing was saved.", stale: false });
        return;
      }
      if (result.ok) {
        announceSaved();
        onSuccess(result.data);
        return;
      }
      setFieldErrors(result.fieldErrors ?? {});
      // A refusal about one field (ConfigRuleError with a field) is shown there, not twice.
      const shownAtField = Object.values(result.fieldErrors ?? {}).includes(result.error);
      setFormError(shownAtField ? null : { message: result.error, stale: result.stale === true });
    });
  }

  return { submit, fieldErrors, formError, pending, clearErrors: () => (setFieldErrors({}), setFormError(null)) };
}
