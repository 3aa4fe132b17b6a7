// Keeps signed-out visitors out of the console. Roles are checked again on the server by
// every page, action and route handler (lib/auth/session.ts); this is only the first gate.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/signin" } });

export const config = {
  // Everything except sign-in and the whole API — next-auth itself, the gateway (app keys, not
  // sessions), the console API (its handlers answer 401/403 JSON themselves) and unknown paths
  // (a JSON 404, never a sign-in page an SDK would show as a wall of markup) — and static assets.
  matcher: ["/((?!signin|api(?:/|$)|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
