import "server-only";
// Role checks for the console's route handlers (CSV exports, the live tail): the same area table
// as the pages (lib/auth/roles.ts), answered as API errors instead of redirects.
import { canRead, type Area } from "@/lib/auth/roles";
import { currentUser, type SignedInUser } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/api-error";

export async function requireAreaForApi(area: Area): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) throw new ApiError(401, "unauthenticated", "Sign in to the console first.");
  if (!canRead(user.role, area)) throw new ApiError(403, "forbidden", `Your role (${user.role}) cannot read ${area}.`);
  return user;
}
