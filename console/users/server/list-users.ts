import "server-only";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastSignInAt: Date | null;
}

/** Console users, active first. An explicit select keeps password hashes out twice over. */
export async function listUsers(): Promise<UserRow[]> {
  return getDb().user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, lastSignInAt: true },
  });
}
