"use client";
// Shown for unexpected server errors: a plain message and the digest to quote, never a stack trace.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-red-600">Something went wrong</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">This page could not be loaded</h1>
        <p className="mt-2 text-sm text-slate-600">
          Try again; if it keeps failing, check that the database is running.
          {error.digest ? <span className="mt-1 block font-mono text-xs text-slate-400">Reference: {error.digest}</span> : null}
        </p>
        <button type="button" onClick={reset} className="mt-5 text-sm font-medium text-sky-700 hover:underline">
          Try again
        </button>
      </div>
    </main>
  );
}
