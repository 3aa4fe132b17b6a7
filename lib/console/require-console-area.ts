import "server-only";
import { canRead } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/api-error";

/** Refuses with JSON (never a redirect or an HTML page): these endpoints are read by scripts in the console. */
export async function requireConsoleArea(area: Parameters<typeof canRead>[1]) {
  const user = await currentUser();
  if (!user) throw new ApiError(401, "unauthenticated", "Sign in to the console first.", { type: "authentication_error" });
  if (!canRead(user.role, area)) throw new ApiError(403, "forbidden", `Your role (${user.role}) cannot read this.`);
  return user;
}
