// The console must keep at least one active admin: nobody else can create users, change roles
// or reactivate anyone, so losing the last one locks everyone out of user management.
import type { Role } from "@/lib/auth/roles";

export interface AdminChange {
  actorId: string;
  target: { id: string; role: Role; active: boolean };
  next: { role: Role; active: boolean };
  /** Active admins now, the target included. */
  activeAdmins: number;
}

/** A refusal the admin can act on, or null when the change keeps an active admin. */
export function checkLastAdmin({ actorId, target, next, activeAdmins }: AdminChange): { field: "role" | "active"; message: string } | null {
  const wasActiveAdmin = target.role === "admin" && target.active;
  const staysActiveAdmin = next.role === "admin" && next.active;
  if (!wasActiveAdmin || staysActiveAdmin || activeAdmins > 1) return null;
  const self = target.id === actorId;
  if (!next.active) {
    return {
      field: "active",
      message: self
        ? "You are the last active admin, so you cannot deactivate yourself. Make another user an admin first."
        : "This is the last active admin and cannot be deactivated. Make another user an admin first.",
    };
  }
  return {
    field: "role",
    message: self
      ? "You are the last active admin, so you cannot change your own role. Make another user an admin first."
      : "This is the last active admin; their role cannot change. Make another user an admin first.",
  };
}
