import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/console/sign-in/components/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  AccessDenied: "This account is not allowed to sign in. Ask an admin to add you.",
  CredentialsSignin: "Wrong email or password.",
  SessionRequired: "Please sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if (await currentUser()) redirect("/");
  const { error, callbackUrl } = await searchParams;
  const ssoName = env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET ? (env.OIDC_NAME ?? "Single sign-on") : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={36} height={36} />
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Switchyard</h1>
            <p className="text-sm text-slate-500">Sign in to the routing console</p>
          </div>
        </div>
        <SignInForm
          initialError={error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : undefined}
          callbackUrl={safeCallback(callbackUrl)}
          ssoName={ssoName}
        />
      </div>
    </main>
  );
}

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeCallback(callbackUrl: string | undefined): string {
  if (!callbackUrl) return "/";
  try {
    const url = new URL(callbackUrl, "http://switchyard.invalid");
    return url.origin === "http://switchyard.invalid" || url.origin === new URL(env.NEXTAUTH_URL ?? "http://localhost").origin
      ? `${url.pathname}${url.search}`
      : "/";
  } catch {
    return "/";
  }
}
