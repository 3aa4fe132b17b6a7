// User forms (admins only). Passwords: at least 12 characters, hashed with bcrypt on the server
// and never logged; the change log keeps email, name, role and state only.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { nameField, seenAtField } from "@/lib/forms/fields";

export const MIN_PASSWORD_LENGTH = 12;

export const roleField = z.enum(ROLES, { message: "Choose a role." });

export const createUserSchema = z.object({
  email: z.preprocess((value) => (typeof value === "string" ? value.trim().toLowerCase() : value), z.email("Enter an email address, e.g. sam@example.com.").max(200)),
  name: nameField,
  role: roleField,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)
    // bcrypt reads at most 72 bytes; a longer password would be silently truncated.
    .refine((password) => new TextEncoder().encode(password).length <= 72, "At most 72 bytes (bcrypt ignores the rest)."),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: z.string().min(1),
  seenAt: seenAtField,
  name: nameField.optional(),
  role: roleField.optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
