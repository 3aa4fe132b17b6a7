// What every console server action answers (see configAction). Its own module, free of
// server-only code, so the browser half of the form layer can import the type.
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; stale?: boolean };
