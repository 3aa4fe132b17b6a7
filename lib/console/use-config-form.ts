"use client";
// The client half of configAction: validate with the same zod schema before sending, send,
// then show the server's answer next to the fields (or, for a stale form, the "changed by …
// — reload" message). Successful saves refresh the server components that show the data.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { z } from "zod";
import { announceSaved } from "@/components/ui/save-status";
import type { ActionResult } from "@/lib/config/config-action";
import { fieldErrorsOf } from "@/lib/config/form-fields";

export interface FormFeedback {
  errors: Record<string, string>;
  /** A message for the whole form (also set when only field errors came back). */
  message: string | null;
  /** The row changed since the form was opened: the form must be reloaded, not resubmitted. */
  stale: boolean;
}

const EMPTY: FormFeedback = { errors: {}, message: null, stale: false };

export function useConfigForm<T>(schema: z.ZodType, action: (input: unknown) => Promise<ActionResult<T>>, onSaved?: (data: T) => void) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<FormFeedback>(EMPTY);
  const [pending, startTransition] = useTransition();

  function submit(input: unknown) {
    const checked = schema.safeParse(input);
    if (!checked.success) {
      setFeedback({ errors: fieldErrorsOf(checked.error), message: "Some fields need attention.", stale: false });
      return;
    }
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action(input);
      } catch {
        setFeedback({ errors: {}, message: "The server could not be reached. Check your connection and save again.", stale: false });
        return;
      }
      if (!result.ok) {
        setFeedback({ errors: result.fieldErrors ?? {}, message: result.error, stale: result.stale === true });
        return;
      }
      setFeedback(EMPTY);
      announceSaved();
      onSaved?.(result.data);
      router.refresh();
    });
  }

  return { feedback, pending, submit, clear: () => setFeedback(EMPTY), reload: () => router.refresh() };
}
