import "server-only";
import type { NextAuthOptions, User as AuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "./password";
import { isRole } from "./roles";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

async function signInWithPassword(raw: unknown): Promise<AuthUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const db = getDb();
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
  });
  // Same answer for unknown user, wrong password and deactivated account: no account probing.
  if (!user?.passwordHash || !user.active) return null;
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** OIDC (any standard issuer) when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
function oidcProvider(): NextAuthOptions["providers"] {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
      },
    },
  ];
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: signInWithPassword,
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    // SSO users must already exist (an admin creates them with a role); SSO never creates accounts.
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      if (!user.email) return false;
      const known = await getDb().user.findUnique({ where: { email: user.email.toLowerCase() } });
      return Boolean(known?.active);
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === "oidc" && user.email) {
        const known = await getDb().user.findUnique({ where: { email: user.email.toLowerCase() } });
        if (known) {
          token.sub = known.id;
          token.role = known.role;
        }
      } else if (user && isRole(user.role)) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub && isRole(token.role)) {
        session.user.id = token.sub;
        session.user.role = token.role;
      }
      return session;
    },
  },
};
