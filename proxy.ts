// Keeps signed-out visitors out of the console. Roles are checked again on the server by
// every page, action and route handler (lib/auth/session.ts); this is only the first gate.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/signin" } });

export const config = {
  // Everything except sign-in, next-auth itself, the gateway API (app keys, not sessions),
  // health, and static assets.
  matcher: ["/((?!signin|api/auth|api/v1|api/route|api/health|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
