"use client";
import { useState } from "react";

/**
 * A form's values as one object, as every entity form keeps them: `set(field)` is the onChange of
 * a text input or select bound to that field, `update(patch)` changes several at once.
 */
export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const update = (patch: Partial<T>) => setValues((current) => ({ ...current, ...patch }));
  const set = (field: keyof T) => (event: { target: { value: string } }) => update({ [field]: event.target.value } as Partial<T>);
  return { values, set, update };
}
