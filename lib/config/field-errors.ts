// Zod issues → one message per field path ("pattern", "keywords.0"), the same mapping
// configAction uses on the server, so a form shows client and server errors in one place.
import type { z } from "zod";

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}
