// Shown on every console page while this server cannot reach PostgreSQL: since when, and how
// many answered requests' decision records wait in the local journal. The gateway keeps
// serving meanwhile; the records are written when the database is back.
export function DatabaseBanner({ downSince, recordsWaiting }: { downSince: string | null; recordsWaiting: number }) {
  const since = downSince ? new Date(downSince) : null;
  return (
    <div role="alert" data-testid="database-banner" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">
        The database is unreachable{since ? ` since ${since.toISOString().slice(0, 19).replace("T", " ")} UTC` : ""}.
      </p>
      <p className="mt-1 text-amber-800">
        The gateway keeps serving known API keys with the last published policy.{" "}
        {recordsWaiting === 1 ? "1 decision record waits" : `${recordsWaiting.toLocaleString("en-US")} decision records wait`} in this server&apos;s local journal and will be
        written when the database is back.
      </p>
    </div>
  );
}
