// The Costs filters as a plain GET form and preset links: every view is a URL, so it can be shared,
// bookmarked and exported with the same filters, and it works before any JavaScript loads.
import { FilterActions, FilterBar, FilterForm, FilterSelect } from "@/components/ui/filter-bar";
import { RangePresets, TimeRangeFields } from "@/components/ui/time-range-picker";
import { NO_FEATURE_FILTER, PRESETS, costSearch, rangeWords, type CostFilters } from "@/lib/analytics/costs/cost-filters";
import { rangeInputs } from "@/lib/console/time-range";
import type { KeyOption } from "@/lib/analytics/costs/cost-queries";
import { ENDPOINTS } from "@/lib/analytics/decisions/decision-filters";
import type { FeatureInfo } from "@/lib/analytics/costs/usage-groups";

const ID = "cost-filter";
const TRAFFIC = [
  { value: "all", label: "All" },
  { value: "real", label: "Real only" },
  { value: "synthetic", label: "Synthetic only" },
];

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
    <FilterBar className="mb-6">
      <RangePresets
        testId="cost-range"
        presets={PRESETS.map((preset) => ({ key: preset.key, label: preset.label, href: `/costs?${costSearch(filters, { preset: preset.key })}` }))}
        active={filters.preset}
        words={rangeWords(filters.range)}
        timeZone={filters.range.timeZone}
      />
      <FilterForm key={costSearch(filters)} action="/costs">
        {filters.grain !== "day" ? <input type="hidden" name="grain" value={filters.grain} /> : null}
        <TimeRangeFields values={rangeInputs(filters.range)} timeZone={filters.range.timeZone} zoneInUrl={zoneInUrl} />
        <FilterSelect formName={ID} anyLabel="All" name="feature" label="Feature" value={filters.feature} options={[...features.map((feature) => ({ value: feature.key, label: feature.name })), { value: NO_FEATURE_FILTER, label: "No feature" }]} />
        <FilterSelect formName={ID} anyLabel="All" name="team" label="Team" value={filters.team} options={teams.map((team) => ({ value: team, label: team }))} />
        <FilterSelect formName={ID} anyLabel="All" name="endpoint" label="Endpoint" value={filters.endpoint} options={ENDPOINTS.map((endpoint) => ({ value: endpoint.key, label: endpoint.label }))} />
        <FilterSelect formName={ID} anyLabel="All" name="model" label="Model" value={filters.model} options={models.map((model) => ({ value: model, label: model }))} />
        <FilterSelect formName={ID} anyLabel="All" name="key" label="API key" value={filters.key} options={keys.map((key) => ({ value: key.id, label: `${key.name} (${key.prefix}…)` }))} />
        <FilterSelect formName={ID} anyLabel={null} inLabel name="traffic" label="Traffic" value={filters.traffic} options={TRAFFIC} />
        <FilterActions submitLabel="Apply" resetLabel="Reset" resetHref={filters.range.timeZone !== "UTC" ? `/costs?tz=${encodeURIComponent(filters.range.timeZone)}` : "/costs"} />
      </FilterForm>
    </FilterBar>
  );
}
