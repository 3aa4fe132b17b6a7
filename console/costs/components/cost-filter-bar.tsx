// The Costs filters as a plain GET form and preset links: every view is a URL, so it can be shared,
// bookmarked and exported with the same filters, and it works before any JavaScript loads.
import { Button } from "@/components/ui/button";
import { ResetLink } from "@/components/ui/reset-link";
import { RangePresets, TimeRangeFields } from "@/components/ui/time-range-picker";
import { PRESETS, costSearch, rangeWords, type CostFilters } from "@/lib/analytics/cost-filters";
import { rangeInputs } from "@/lib/console/time-range";
import { NO_FEATURE_FILTER, type KeyOption } from "@/lib/analytics/cost-queries";
import { ENDPOINTS } from "@/lib/analytics/decision-filters";
import type { FeatureInfo } from "@/lib/analytics/usage-groups";

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-sky-500";
const labelClass = "block text-xs font-medium text-slate-600";

function Select({ name, label, value, options }: { name: string; label: string; value: string | null; options: Array<{ value: string; label: string }> }) {
  return (
    <div>
      <label htmlFor={`cost-filter-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`cost-filter-${name}`} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CostFilterBar({
  filters,
  features,
  teams,
  models,
  keys,
  zoneInUrl,
}: {
  filters: CostFilters;
  /** The URL named the time zone (then the viewer's own is not asked for). */
  zoneInUrl: boolean;
  features: FeatureInfo[];
  teams: string[];
  models: string[];
  keys: KeyOption[];
}) {
  return (
    <div className="mb-6 space-y-3 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <RangePresets
        testId="cost-range"
        presets={PRESETS.map((preset) => ({ key: preset.key, label: preset.label, href: `/costs?${costSearch(filters, { preset: preset.key })}` }))}
        active={filters.preset}
        words={rangeWords(filters.range)}
        timeZone={filters.range.timeZone}
      />
      {/* Keyed by the filters: the selects are uncontrolled (defaultValue), so a client-side
          navigation (Reset, a preset) must remount them; the range fields follow the URL themselves. */}
      <form key={costSearch(filters)} method="get" action="/costs" className="flex flex-wrap items-end gap-3 [&>*]:w-40">
        {filters.grain !== "day" ? <input type="hidden" name="grain" value={filters.grain} /> : null}
        <TimeRangeFields values={rangeInputs(filters.range)} timeZone={filters.range.timeZone} zoneInUrl={zoneInUrl} />
        <Select name="feature" label="Feature" value={filters.feature} options={[...features.map((feature) => ({ value: feature.key, label: feature.name })), { value: NO_FEATURE_FILTER, label: "No feature" }]} />
        <Select name="team" label="Team" value={filters.team} options={teams.map((team) => ({ value: team, label: team }))} />
        <Select name="endpoint" label="Endpoint" value={filters.endpoint} options={ENDPOINTS.map((endpoint) => ({ value: endpoint.key, label: endpoint.label }))} />
        <Select name="model" label="Model" value={filters.model} options={models.map((model) => ({ value: model, label: model }))} />
        <Select name="key" label="API key" value={filters.key} options={keys.map((key) => ({ value: key.id, label: `${key.name} (${key.prefix}…)` }))} />
        <label className={labelClass}>
          Traffic
          <select name="traffic" defaultValue={filters.traffic} className={selectClass}>
            <option value="all">All</option>
            <option value="real">Real only</option>
            <option value="synthetic">Synthetic only</option>
          </select>
        </label>
        <div className="flex gap-2">
          <Button type="submit" className="flex-1 py-1.5">
            Apply
          </Button>
          <ResetLink href={filters.range.timeZone !== "UTC" ? `/costs?tz=${encodeURIComponent(filters.range.timeZone)}` : "/costs"} className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
            Reset
          </ResetLink>
        </div>
      </form>
    </div>
  );
}
