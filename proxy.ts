// Keeps signed-out visitors out of the console. Roles are checked again on the server by
// every page, action and route handler (lib/auth/session.ts); this is only the first gate.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/signin" } });

export const config = {
  // Everything except sign-in, next-auth itself, the gateway API (app keys, not sessions), the
  // console API (its handlers answer 401/403 JSON themselves, not a sign-in redirect),
  // health, and static assets.
  matcher: ["/((?!signin|api/auth|api/v1|api/route|api/health|api/console|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
