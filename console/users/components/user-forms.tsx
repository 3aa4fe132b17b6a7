"use client";
import { useState, type FormEvent } from "react";
import { useFormValues } from "@/components/ui/form/use-form-values";
import { createUserAction, updateUserAction } from "@/console/users/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { UserRow } from "@/console/users/server/list-users";
import { createUserSchema, MIN_PASSWORD_LENGTH, updateUserSchema } from "@/console/users/schema";

const ROLE_HINT = {
  admin: "everything, including users",
  engineer: "routing configuration, keys, costs, decisions",
  finance: "costs, read-only",
  auditor: "decisions and the change log, read-only",
} as const;

function RoleSelect({ value, onChange, error }: { value: string; onChange: (role: string) => void; error?: string }) {
  return (
    <SelectField id="user-role" label="Role" value={value} onChange={(event) => onChange(event.target.value)} error={error} hint={ROLE_HINT[value as keyof typeof ROLE_HINT]}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </SelectField>
  );
}

/** 18 characters from an unambiguous alphabet, from the browser's CSPRNG. */
function randomPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(crypto.getRandomValues(new Uint32Array(18)), (value) => alphabet[value % alphabet.length]).join("");
}

export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { values, set, update } = useFormValues({ email: "", name: "", role: "engineer", password: "" });
  const form = useActionForm(createUserSchema, createUserAction, onDone);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit(values);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="user-email" label="Email" type="email" autoComplete="off" autoFocus value={values.email} onChange={set("email")} error={form.fieldErrors.email} />
        <Field id="user-name" label="Name" value={values.name} onChange={set("name")} error={form.fieldErrors.name} />
      </div>
      <RoleSelect value={values.role} onChange={(role) => update({ role })} error={form.fieldErrors.role} />
      <div>
        <div className="flex items-end gap-2">
          <Field
            id="user-password"
            label="Initial password"
            type="text"
            autoComplete="new-password"
            spellCheck={false}
            className="flex-1"
            value={values.password}
            onChange={set("password")}
            error={form.fieldErrors.password}
          />
          <Button variant="secondary" className={form.fieldErrors.password ? "mb-7" : undefined} onClick={() => update({ password: randomPassword() })}>
            Generate
          </Button>
        </div>
        <p className="mt-1 text-xs text-slate-500">
          At least {MIN_PASSWORD_LENGTH} characters ({values.password.length} now). Hand it over privately; it is stored only as a bcrypt hash.
        </p>
      </div>
      <FormFooter form={form} onCancel={onDone} saveLabel="Create user" savingLabel="Creating…" />
    </form>
  );
}

export function EditUserForm({ user, loadedAt, onDone }: { user: UserRow; loadedAt: string; onDone: () => void }) {
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<string>(user.role);
  const form = useActionForm(updateUserSchema, updateUserAction, onDone);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ id: user.id, seenAt: loadedAt, name, role });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="user-name" label="Name" autoFocus value={name} onChange={(event) => setName(event.target.value)} error={form.fieldErrors.name} />
      <RoleSelect value={role} onChange={setRole} error={form.fieldErrors.role} />
      <FormFooter form={form} onCancel={onDone} saveLabel="Save user" />
    </form>
  );
}
