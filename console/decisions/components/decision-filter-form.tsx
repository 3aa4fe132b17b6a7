// The decision log's search: a plain GET form, so every search is a URL an auditor can share.
import { FilterActions, FilterBar, FilterForm, FilterNumber, FilterSelect, FilterText } from "@/components/ui/filter-bar";
import { RangePresets, TimeRangeFields } from "@/components/ui/time-range-picker";
import { DECISION_STATUSES, ENDPOINTS, NO_FEATURE, decisionSearch, type DecisionFilters } from "@/lib/analytics/decisions/decision-filters";
import { DEFAULT_TIME_ZONE, RANGE_PRESETS, presetTimeRange, rangeInputs, rangeWords } from "@/lib/console/time-range";
import type { DecisionFilterOptions } from "@/lib/analytics/decisions/decision-options";

const ID = "decision-filter";

export function DecisionFilterForm({ filters, options, timeZone, zoneInUrl, group }: { filters: DecisionFilters; options: DecisionFilterOptions; timeZone: string; zoneInUrl: boolean; group: string | null }) {
  const withRange = (preset: (typeof RANGE_PRESETS)[number]["key"] | null) => {
    const search = decisionSearch({ ...filters, range: preset ? presetTimeRange(preset, new Date(), timeZone) : null });
    const tz = !preset && timeZone !== DEFAULT_TIME_ZONE ? `tz=${encodeURIComponent(timeZone)}` : "";
    const query = [search, tz, group ? `group=${group}` : ""].filter(Boolean).join("&");
    return `/decisions${query ? `?${query}` : ""}`;
  };
  return (
    <FilterBar className="mb-4">
      <RangePresets
        presets={RANGE_PRESETS.filter((preset) => preset.key !== "last-90").map((preset) => ({ key: preset.key, label: preset.label, href: withRange(preset.key) }))}
        active={filters.range ? filters.range.preset : "any"}
        anyHref={withRange(null)}
        words={filters.range ? rangeWords(filters.range) : "Any time"}
        timeZone={timeZone}
      />
      <FilterForm key={decisionSearch(filters)} action="/decisions" searchLabel="Search decisions">
        <TimeRangeFields values={filters.range ? rangeInputs(filters.range) : null} timeZone={timeZone} zoneInUrl={zoneInUrl} />
        {group ? <input type="hidden" name="group" value={group} /> : null}
        <FilterSelect formName={ID} name="feature" label="Feature" value={filters.feature} options={[...options.features.map((feature) => ({ value: feature.key, label: feature.name })), { value: NO_FEATURE, label: "No feature" }]} />
        <FilterSelect formName={ID} name="endpoint" label="Endpoint" value={filters.endpoint} options={ENDPOINTS.map((endpoint) => ({ value: endpoint.key, label: endpoint.label }))} />
        <FilterSelect formName={ID} name="key" label="API key" value={filters.key} options={options.keys.map((key) => ({ value: key.id, label: `${key.name} (${key.prefix}…)` }))} />
        <FilterSelect formName={ID} name="tier" label="Tier" value={filters.tier} options={options.tiers.map((tier) => ({ value: tier.key, label: tier.name }))} />
        <FilterSelect formName={ID} name="model" label="Model" value={filters.model} options={options.models.map((model) => ({ value: model, label: model }))} />
        <FilterSelect formName={ID} name="dataClass" label="Data class" value={filters.dataClass} options={options.dataClasses.map((key) => ({ value: key, label: key }))} />
        <FilterSelect formName={ID} name="status" label="Status" value={filters.status} options={DECISION_STATUSES.map((status) => ({ value: status, label: status.replace("_", " ") }))} />
        <FilterSelect formName={ID} name="fallback" label="Fell back" value={filters.fallback} options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} />
        <FilterNumber name="minLatency" label="Latency at least (ms)" value={filters.minLatencyMs} step="1" placeholder="e.g. 5000" />
        <FilterNumber name="minCost" label="Cost from (USD)" value={filters.minCostUsd} step="any" placeholder="0.01" />
        <FilterNumber name="maxCost" label="Cost to (USD)" value={filters.maxCostUsd} step="any" placeholder="1.00" />
        <FilterText name="idPrefix" label="Id starts with" value={filters.idPrefix} placeholder="e.g. 0194f2c1" className="font-mono" />
        <FilterActions submitLabel="Search" resetLabel="Clear" resetHref={timeZone !== DEFAULT_TIME_ZONE ? `/decisions?tz=${encodeURIComponent(timeZone)}` : "/decisions"} />
      </FilterForm>
    </FilterBar>
  );
}
