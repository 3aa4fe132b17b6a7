// What a form shows after a save, as pure functions the form hook uses (and tests can check):
// a refusal's field errors and form-level message, and whether that message is already shown at
// a field.
import type { ActionResult } from "./action-result";

/** A refused save's message for the whole form; `stale`: the row changed since the form was opened, reload rather than resubmit. */
export interface FormError {
  message: string;
  stale: boolean;
}

export interface FormFeedback {
  fieldErrors: Record<string, string>;
  refusal: FormError | null;
}

export const NO_FEEDBACK: FormFeedback = { fieldErrors: {}, refusal: null };

/** What the browser's own check of the form found (same schema as the action). */
export function invalidFeedback(fieldErrors: Record<string, string>): FormFeedback {
  return { fieldErrors, refusal: { message: "Some fields need attention.", stale: false } };
}

/** What the action never answered (offline, server down): nothing was saved. */
export const UNREACHABLE = "The console could not reach the server. Check your connection and try again; nothing was saved.";

/** The action's refusal: its field errors, its message, and whether the form is stale. */
export function refusalFeedback(result: Extract<ActionResult<unknown>, { ok: false }>): FormFeedback {
  return { fieldErrors: result.fieldErrors ?? {}, refusal: { message: result.error, stale: result.stale === true } };
}

/**
 * The refusal as a form with fields shows it: a refusal about one field (a ConfigRuleError with
 * a field) is shown at that field, not a second time above the buttons.
 */
export function formErrorOf({ fieldErrors, refusal }: FormFeedback): FormError | null {
  return refusal !== null && Object.values(fieldErrors).includes(refusal.message) ? null : refusal;
}
