// Zod issues → one message per field path ("pattern", "keywords.0", "pricing.profile.watts"):
// the first message per field. configAction on the server and the form hook in the browser both
// use it, so a form shows client and server errors in the same place.
import type { z } from "zod";

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}
