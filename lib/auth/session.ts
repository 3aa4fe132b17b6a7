import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { authOptions } from "./options";
import { canRead, type Area, type Role } from "./roles";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user as the database knows them now — not as the session cookie remembers:
 * a deactivated user or a changed role takes effect on the next request.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: sends signed-out visitors to sign in. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For pages: a signed-in user without access to the area gets the 403 page. */
export async function requireArea(area: Area): Promise<SignedInUser> {
  const user = await requireUser();
  if (!canRead(user.role, area)) forbidden();
  return user;
}

/** For server actions and route handlers: refuses (403) unless the user has one of the roles. */
export async function requireRole(roles: readonly Role[]): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (!roles.includes(user.role)) forbidden();
  return user;
}
