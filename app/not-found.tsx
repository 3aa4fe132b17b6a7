import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-500">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">There is no page here</h1>
        <Link href="/" className="mt-5 inline-block text-sm font-medium text-sky-700 hover:underline">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
