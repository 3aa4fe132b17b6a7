// The decision log's search: a plain GET form, so every search is a URL an auditor can share.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DECISION_STATUSES, ENDPOINTS, NO_FEATURE, decisionSearch, type DecisionFilters } from "@/lib/analytics/decision-filters";
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

export function DecisionFilterForm({ filters, options }: { filters: DecisionFilters; options: DecisionFilterOptions }) {
  const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";
  return (
    // Keyed by the filters: uncontrolled fields must remount when Clear navigates on the client.
    <form key={decisionSearch(filters)} method="get" action="/decisions" role="search" aria-label="Search decisions" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm [&>*]:w-40">
      <label className={labelClass}>
        From (UTC day)
        <input type="date" name="from" defaultValue={day(filters.from)} className={inputClass} />
      </label>
      <label className={labelClass}>
        To (UTC day)
        <input type="date" name="to" defaultValue={day(filters.to)} className={inputClass} />
      </label>
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
      <div className="flex gap-2">
        <Button type="submit" className="flex-1 py-1.5">
          Search
        </Button>
        <Link href="/decisions" className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
          Clear
        </Link>
      </div>
    </form>
  );
}
