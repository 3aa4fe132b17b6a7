// The overview's first card (the policy in force, simulated providers) and its last section (what
// is configured), each figure linking to its page when the viewer's role may open it.
import Link from "next/link";
import { StatCard } from "./stat-card";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { AREAS, canRead, type Area, type Role } from "@/lib/auth/roles";
import { formatDateTime, formatInteger } from "@/lib/format";
import type { ConsoleOverview } from "@/console/overview/server/load-inventory";

export function PolicyCard({ inventory, role }: { inventory: ConsoleOverview; role: Role }) {
  const { counts } = inventory;
  return (
    <Card className="mb-6 px-5 py-4">
      {inventory.policy ? (
        <p className="text-sm text-slate-700">
          The gateway serves{" "}
          {canRead(role, "versions") ? (
            <Link href="/versions" className="font-semibold text-sky-700 hover:underline">
              policy version {inventory.policy.number}
            </Link>
          ) : (
            <span className="font-semibold">policy version {inventory.policy.number}</span>
          )}
          , published {formatDateTime(inventory.policy.publishedAt)}
          {inventory.policy.publishedBy ? ` by ${inventory.policy.publishedBy}` : ""} — “{inventory.policy.note}”.
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
  );
}

export function InventorySection({ inventory, role }: { inventory: ConsoleOverview; role: Role }) {
  const { counts } = inventory;
  const stats: Array<{ label: string; value: string | number; area: Area }> = [
    { label: "Tiers", value: counts.tiers, area: "models" },
    { label: "Models enabled", value: `${counts.enabledModels} of ${counts.models}`, area: "models" },
    { label: "Providers", value: counts.providers, area: "providers" },
    { label: "Features", value: counts.features, area: "features" },
    { label: "Active app keys", value: counts.activeKeys, area: "apiKeys" },
    { label: "Decisions, last 24 h", value: formatInteger(inventory.decisionsLast24h), area: "decisions" },
  ];
  const visibleStats = stats.filter((stat) => canRead(role, stat.area));
  if (visibleStats.length === 0) return null;
  return (
    <section aria-label="Configuration">
      <h2 className="mt-8 mb-3 text-base font-semibold text-slate-900">Configuration</h2>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6" data-testid="overview-inventory">
        {visibleStats.map((stat) => (
          <StatCard key={stat.label} href={AREAS[stat.area].href} label={stat.label} value={stat.value} />
        ))}
      </div>
    </section>
  );
}
