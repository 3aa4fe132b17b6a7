import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatInteger } from "@/lib/format";
import type { EngineeringFigures } from "@/console/overview/overview-figures";
import { SectionTitle, StatCard, milliseconds, percent } from "./stat-card";

const STATE: Record<EngineeringFigures["providers"][number]["state"], { label: string; tone: BadgeTone }> = {
  closed: { label: "Healthy", tone: "success" },
  half_open: { label: "Half open", tone: "warning" },
  open: { label: "Circuit open", tone: "danger" },
  idle: { label: "Not called yet", tone: "neutral" },
};

export function EngineeringSection({ figures }: { figures: EngineeringFigures }) {
  const costs = "/costs?preset=last-24h";
  return (
    <section aria-labelledby="overview-engineering" data-testid="overview-engineering">
      <SectionTitle title="Traffic, last 24 hours" description="From the hourly rollups; malformed requests are counted apart from refusals and errors." />
      <h2 id="overview-engineering" className="sr-only">
        Engineering
      </h2>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
        <StatCard href={costs} label="Requests" value={formatInteger(figures.requests)} hint={figures.malformed > 0 ? `${formatInteger(figures.malformed)} malformed` : undefined} testId="card-requests" />
        <StatCard href="/decisions?status=error&preset=last-24h" label="Error rate" value={percent(figures.errorRate)} tone={(figures.errorRate ?? 0) >= 0.05 ? "danger" : "neutral"} testId="card-error-rate" />
        <StatCard href="/decisions?status=refused&preset=last-24h" label="Refusal rate" value={percent(figures.refusalRate)} testId="card-refusal-rate" />
        <StatCard href={costs} label="Latency p50" value={milliseconds(figures.p50LatencyMs)} hint="upper bound of its bucket" testId="card-p50" />
        <StatCard href={costs} label="Latency p95" value={milliseconds(figures.p95LatencyMs)} testId="card-p95" />
        <StatCard href="/decisions?fallback=yes&preset=last-24h" label="Fallbacks" value={formatInteger(figures.fallbacks)} hint={figures.fallbackRate === null ? undefined : `${percent(figures.fallbackRate)} of attempts`} testId="card-fallbacks" />
      </div>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm" data-testid="card-provider-health">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <a href="/providers" className="text-sm font-semibold text-slate-900 hover:underline">
            Provider health
          </a>
          <span className="text-xs text-slate-500">{figures.unhealthy > 0 ? `${figures.unhealthy} with an open or half-open circuit` : "No circuit open"} · this server&apos;s circuit breaker</span>
        </div>
        {figures.providers.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No provider configured.</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {figures.providers.map((provider) => (
              <li key={provider.key} className="flex items-center gap-2 text-sm text-slate-700">
                <span className="font-mono text-xs">{provider.key}</span>
                <Badge tone={STATE[provider.state].tone}>{STATE[provider.state].label}</Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
