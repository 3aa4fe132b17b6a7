import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PolicyVersionRow } from "@/console/versions/server/list-policy-versions";
import { formatDateTime } from "@/lib/format";

/** The version the gateway serves, and the few before it for context. */
export function PolicyInForce({ versions }: { versions: PolicyVersionRow[] }) {
  const [current, ...earlier] = versions;
  if (!current) {
    return (
      <Card className="px-5 py-4">
        <p className="text-sm text-amber-800">No policy has been published yet: the gateway refuses every request until one is. Run npm run db:seed to publish the initial policy.</p>
      </Card>
    );
  }
  return (
    <Card className="px-5 py-4" data-testid="policy-in-force">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold text-slate-900">Policy version {current.number}</h2>
        <Badge tone="success">in force</Badge>
        {current.rolledBackFrom !== null ? <Badge tone="warning">rolled back from version {current.rolledBackFrom}</Badge> : null}
      </div>
      <p className="mt-1 text-sm text-slate-700">“{current.note}”</p>
      <p className="mt-1 text-sm text-slate-500">
        Published {formatDateTime(current.publishedAt)} by {current.publishedBy ?? "the seed (no user recorded)"}.
      </p>
      {earlier.length > 0 ? (
        <ul className="mt-3 space-y-0.5 border-t border-slate-100 pt-2 text-xs text-slate-500">
          {earlier.map((version) => (
            <li key={version.number}>
              Version {version.number}, {formatDateTime(version.publishedAt)}
              {version.publishedBy ? ` by ${version.publishedBy}` : ""} — “{version.note}”
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
