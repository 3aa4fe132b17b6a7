// The decision log's search: a plain GET form, so every search is a URL an auditor can share.
import { Button } from "@/components/ui/button";
import { ResetLink } from "@/components/ui/reset-link";
import { RangePresets, TimeRangeFields } from "@/components/ui/time-range-picker";
import { DECISION_STATUSES, ENDPOINTS, NO_FEATURE, decisionSearch, type DecisionFilters } from "@/lib/analytics/decision-filters";
import { DEFAULT_TIME_ZONE, RANGE_PRESETS, presetTimeRange, rangeInputs, rangeWords } from "@/lib/console/time-range";
import type { DecisionFilterOptions } from "@/lib/analytics/decision-options";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-sky-500";
const labelClass = "block text-xs font-medium text-slate-600";

function Select({ name, label, value, options }: { name: string; label: string; value: string | null; options: Array<{ value: string; label: string }> }) {
  return (
    <div>
      <label htmlFor={`decision-filter-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`decision-filter-${name}`} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function NumberField({ name, label, value, step, placeholder }: { name: string; label: string; value: number | null; step: string; placeholder: string }) {
  return (
    <label className={labelClass}>
      {label}
      <input type="number" min={0} step={step} name={name} defaultValue={value ?? ""} placeholder={placeholder} className={inputClass} />
    </label>
  );
}

export function DecisionFilterForm({ filters, options, timeZone, zoneInUrl, group }: { filters: DecisionFilters; options: DecisionFilterOptions; timeZone: string; zoneInUrl: boolean; group: string | null }) {
  const withRange = (preset: (typeof RANGE_PRESETS)[number]["key"] | null) => {
    const search = decisionSearch({ ...filters, range: preset ? presetTimeRange(preset, new Date(), timeZone) : null });
    const tz = !preset && timeZone !== DEFAULT_TIME_ZONE ? `tz=${encodeURIComponent(timeZone)}` : "";
    const query = [search, tz, group ? `group=${group}` : ""].filter(Boolean).join("&");
    return `/decisions${query ? `?${query}` : ""}`;
  };
  return (
    <div className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <RangePresets
        presets={RANGE_PRESETS.filter((preset) => preset.key !== "last-90").map((preset) => ({ key: preset.key, label: preset.label, href: withRange(preset.key) }))}
        active={filters.range ? filters.range.preset : "any"}
        anyHref={withRange(null)}
        words={filters.range ? rangeWords(filters.range) : "Any time"}
        timeZone={timeZone}
      />
      {/* Keyed by the filters: the selects are uncontrolled, so Clear (a client-side navigation)
          must remount them or they keep showing the old choice; the range fields follow the URL. */}
      <form key={decisionSearch(filters)} method="get" action="/decisions" role="search" aria-label="Search decisions" className="flex flex-wrap items-end gap-3 [&>*]:w-40">
        <TimeRangeFields values={filters.range ? rangeInputs(filters.range) : null} timeZone={timeZone} zoneInUrl={zoneInUrl} />
        {group ? <input type="hidden" name="group" value={group} /> : null}
        <Select name="feature" label="Feature" value={filters.feature} options={[...options.features.map((feature) => ({ value: feature.key, label: feature.name })), { value: NO_FEATURE, label: "No feature" }]} />
        <Select name="endpoint" label="Endpoint" value={filters.endpoint} options={ENDPOINTS.map((endpoint) => ({ value: endpoint.key, label: endpoint.label }))} />
        <Select name="key" label="API key" value={filters.key} options={options.keys.map((key) => ({ value: key.id, label: `${key.name} (${key.prefix}…)` }))} />
        <Select name="tier" label="Tier" value={filters.tier} options={options.tiers.map((tier) => ({ value: tier.key, label: tier.name }))} />
        <Select name="model" label="Model" value={filters.model} options={options.models.map((model) => ({ value: model, label: model }))} />
        <Select name="dataClass" label="Data class" value={filters.dataClass} options={options.dataClasses.map((key) => ({ value: key, label: key }))} />
        <Select name="status" label="Status" value={filters.status} options={DECISION_STATUSES.map((status) => ({ value: status, label: status.replace("_", " ") }))} />
        <Select name="fallback" label="Fell back" value={filters.fallback} options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} />
        <NumberField name="minLatency" label="Latency at least (ms)" value={filters.minLatencyMs} step="1" placeholder="e.g. 5000" />
        <NumberField name="minCost" label="Cost from (USD)" value={filters.minCostUsd} step="any" placeholder="0.01" />
        <NumberField name="maxCost" label="Cost to (USD)" value={filters.maxCostUsd} step="any" placeholder="1.00" />
        <label className={labelClass}>
          Id starts with
          <input name="idPrefix" defaultValue={filters.idPrefix ?? ""} placeholder="e.g. 0194f2c1" className={`${inputClass} font-mono`} />
        </label>
        <div className="flex gap-2">
          <Button type="submit" className="flex-1 py-1.5">
            Search
          </Button>
          <ResetLink href={timeZone !== DEFAULT_TIME_ZONE ? `/decisions?tz=${encodeURIComponent(timeZone)}` : "/decisions"} className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
            Clear
          </ResetLink>
        </div>
      </form>
    </div>
  );
}
