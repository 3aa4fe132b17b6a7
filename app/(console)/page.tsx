import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { loadOverview } from "@/lib/config/overview";
import { formatDateTime, formatInteger } from "@/lib/format";

export default async function OverviewPage() {
  const user = await requireArea("overview");
  const overview = await loadOverview();
  const { counts } = overview;
  const stats = [
    { label: "Tiers", value: counts.tiers },
    { label: "Models enabled", value: `${counts.enabledModels} of ${counts.models}` },
    { label: "Providers", value: counts.providers },
    { label: "Features", value: counts.features },
    { label: "Active app keys", value: counts.activeKeys },
    { label: "Decisions, last 24 h", value: formatInteger(overview.decisionsLast24h) },
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description="Switchyard sends each LLM call to the cheapest tier that is allowed and adequate, and records why." />
      <Card className="mb-6 px-5 py-4">
        {overview.policy ? (
          <p className="text-sm text-slate-700">
            The gateway serves <span className="font-semibold">policy version {overview.policy.number}</span>, published {formatDateTime(overview.policy.publishedAt)}
            {overview.policy.publishedBy ? ` by ${overview.policy.publishedBy}` : ""} — “{overview.policy.note}”.
          </p>
        ) : (
          <p className="text-sm text-amber-800">No policy has been published yet: the gateway refuses requests until one is. Run <code>npm run db:seed</code> or publish from Routing.</p>
        )}
        {counts.simulatedProviders > 0 ? (
          <p className="mt-2 flex items-center gap-2 text-sm text-slate-600">
            <Badge tone="simulated">Simulated</Badge>
            {counts.simulatedProviders} of {counts.providers} providers are simulators: answers are generated locally, no real model is called.
          </p>
        ) : null}
      </Card>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
        {stats.map((stat) => (
          <Card key={stat.label} className="px-4 py-3">
            <dt className="text-xs font-medium text-slate-500">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-semibold text-slate-900">{stat.value}</dd>
          </Card>
        ))}
      </dl>
      {user.role === "admin" || user.role === "engineer" ? (
        <p className="mt-6 text-sm text-slate-600">
          See the tiers and their models in{" "}
          <Link className="font-medium text-sky-700 hover:underline" href="/models">
            Models &amp; tiers
          </Link>
          .
        </p>
      ) : null}
    </>
  );
}
