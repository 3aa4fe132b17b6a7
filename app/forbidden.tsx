import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-red-600">403 · Not allowed</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Your role cannot open this page</h1>
        <p className="mt-2 text-sm text-slate-600">Nothing was changed. Ask an admin if you need access.</p>
        <Link href="/" className="mt-5 inline-block text-sm font-medium text-sky-700 hover:underline">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
