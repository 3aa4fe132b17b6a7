"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

export function SignInForm({ initialError, callbackUrl, ssoName }: { initialError?: string; callbackUrl: string; ssoName: string | null }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", { email, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error === "CredentialsSignin" ? "Wrong email or password." : "Sign-in failed. Try again in a moment.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <Card className="p-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field id="email" name="email" type="email" label="Email" autoComplete="username" required autoFocus />
        <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {ssoName ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <Button variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
            Continue with {ssoName}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
