import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { assertNoChangeSince } from "@/lib/forms/assert-no-change-since";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { checkLastAdmin } from "../last-admin";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { CreateUserInput, UpdateUserInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

// Changes that can remove an admin take turns, so two admins demoting each other at the same
// moment cannot both pass the last-admin check.
const USER_ADMIN_LOCK = 4242102;

/** What the change log keeps of a user: never the password or its hash. */
const userView = (user: { name: string; role: string; active: boolean }) => ({ name: user.name, role: user.role, active: user.active });

/** Creates a console user who signs in with this initial password (bcrypt-hashed here). */
export async function createUser(input: CreateUserInput, actor: Actor): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ConfigRuleError(`${input.email} already has an account. Edit that user instead.`, "email");
    }
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: { id: true, email: true, name: true, role: true, active: true } });
    await recordChange(tx, actor, { entity: ENTITY.user, entityKey: user.email, action: "create", after: userView(user) });
    return { id: user.id };
  });
}

/** Renames a user, changes their role, or (de)activates them — refusing to lose the last active admin. */
export async function updateUser(input: UpdateUserInput, actor: Actor & { id: string }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER_ADMIN_LOCK})`;
    const before = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, email: true, name: true, role: true, active: true } });
    if (!before) throw new ConfigRuleError("This user no longer exists. Reload the page.");
    await assertNoChangeSince(tx, ENTITY.user, before.email, new Date(input.seenAt));
    const next = { name: input.name ?? before.name, role: input.role ?? before.role, active: input.active ?? before.active };
    const activeAdmins = await tx.user.count({ where: { role: "admin", active: true } });
    const refusal = checkLastAdmin({ actorId: actor.id, target: before, next, activeAdmins });
    if (refusal) throw new ConfigRuleError(refusal.message, refusal.field);
    await tx.user.update({ where: { id: input.id }, data: next });
    const action = before.active !== next.active ? (next.active ? "reactivate" : "deactivate") : before.role !== next.role ? "change role" : "update";
    await recordChange(tx, actor, { entity: ENTITY.user, entityKey: before.email, action, before: userView(before), after: userView(next) });
  });
}
