import "server-only";
// The one role check for the console's API routes (CSV exports, the live tail, provider health,
// the config export, what-if): the same area table as the pages (./roles.ts), answered as JSON
// errors — never a redirect or an HTML page, since scripts in the console read these endpoints.
import { apiError } from "@/lib/http/api-error";
import { AREAS, canRead, type Area } from "./roles";
import { currentUser, type SignedInUser } from "./session";

export async function requireConsoleArea(area: Area): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) throw apiError("unauthenticated", "Sign in to the console first.");
  if (!canRead(user.role, area)) throw apiError("forbidden", `Your role (${user.role}) cannot read ${AREAS[area].label}.`);
  return user;
}
