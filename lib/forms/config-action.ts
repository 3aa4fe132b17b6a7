import "server-only";
import { z } from "zod";
import { CONFIG_EDITORS, type Role } from "@/lib/auth/roles";
import { currentUser, type SignedInUser } from "@/lib/auth/session";
import { mapPrismaError } from "@/lib/db";
import { logUnexpected } from "@/lib/http/unexpected-error";
import type { ActionResult } from "./action-result";
import { fieldErrorsOf } from "./field-errors";
import { ConfigRuleError, StaleEditError } from "./stale-edit";

export type { ActionResult } from "./action-result";

/**
 * The one wrapper for console mutations (server actions): it checks the role on the server —
 * a forged call from a finance or auditor session is refused and changes nothing — validates
 * the input with the same zod schema the form uses, and turns known failures into messages
 * shown next to the form. Anything unexpected is logged with a reference and never shown raw.
 */
export function configAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.infer<S>, actor: SignedInUser) => Promise<T>,
  roles: readonly Role[] = CONFIG_EDITORS,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await currentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
    if (!roles.includes(user.role)) return { ok: false, error: `Your role (${user.role}) cannot make this change.` };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      return { ok: true, data: await run(parsed.data, user) };
    } catch (error) {
      if (error instanceof StaleEditError) return { ok: false, error: error.message, stale: true };
      if (error instanceof ConfigRuleError) return { ok: false, error: error.message, ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}) };
      const mapped = mapPrismaError(error);
      if (mapped) return { ok: false, error: mapped.message };
      return { ok: false, error: `The change could not be saved (reference ${logUnexpected("config action failed", error)}). Nothing was changed.` };
    }
  };
}
