"use client";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { suggestKey } from "@/lib/forms/fields";

/**
 * The Name and Key pair a keyed entity's form starts with. Until someone types in the key it
 * follows the name (suggestKey); once the entity exists the key is fixed, because records and
 * the change log name it by its key.
 */
export function NameKeyFields({
  idPrefix,
  name,
  keyValue,
  existing,
  errors,
  onChange,
  keyClassName,
}: {
  idPrefix: string;
  name: string;
  keyValue: string;
  existing: boolean;
  errors: { name?: string; key?: string };
  onChange: (patch: { name?: string; key?: string }) => void;
  keyClassName?: string;
}) {
  const [keyTouched, setKeyTouched] = useState(existing);
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        label="Name"
        autoFocus
        value={name}
        onChange={(event) => {
          const next = event.target.value;
          onChange(keyTouched ? { name: next } : { name: next, key: suggestKey(next) });
        }}
        error={errors.name}
      />
      <Field
        id={`${idPrefix}-key`}
        label="Key"
        value={keyValue}
        readOnly={existing}
        className={keyClassName}
        onChange={(event) => {
          setKeyTouched(true);
          onChange({ key: event.target.value });
        }}
        error={errors.key}
      />
    </>
  );
}
