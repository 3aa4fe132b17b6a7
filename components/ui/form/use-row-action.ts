"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/forms/action-result";
import { refusalFeedback, UNREACHABLE, type FormError } from "@/lib/forms/form-feedback";

/**
 * A row's one-click actions (revoke, delete, enable, deactivate): runs a server action, keeps
 * its refusal for the row or its confirm dialog to show, and calls `onDone` when it went through.
 * The actions revalidate their page, so the row redraws from the server.
 */
export function useRowAction() {
  const [error, setError] = useState<FormError | null>(null);
  const [pending, startTransition] = useTransition();

  function run<T>(action: () => Promise<ActionResult<T>>, onDone?: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action();
      } catch {
        return setError({ message: UNREACHABLE, stale: false });
      }
      if (result.ok) onDone?.(result.data);
      else setError(refusalFeedback(result).refusal);
    });
  }

  return { pending, error, run, clearError: () => setError(null), startTransition };
}
