// The change log's filters: by entity and by user, a plain GET form so a filtered log is a URL.
import { Button } from "@/components/ui/button";
import { ResetLink } from "@/components/ui/reset-link";
import { changeSearch, type ChangeFilters } from "@/console/changes/change-filters";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-sky-500";
const labelClass = "block text-xs font-medium text-slate-600";

export function ChangeFilterForm({ filters, entities, actors }: { filters: ChangeFilters; entities: string[]; actors: string[] }) {
  return (
    <form key={changeSearch(filters)} method="get" action="/changes" role="search" aria-label="Filter changes" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <label className={`${labelClass} w-48`}>
        Entity
        <select name="entity" defaultValue={filters.entity ?? ""} className={inputClass}>
          <option value="">Any</option>
          {entities.map((entity) => (
            <option key={entity} value={entity}>
              {entity}
            </option>
          ))}
        </select>
      </label>
      <label className={`${labelClass} w-64`}>
        User
        <select name="actor" defaultValue={filters.actor ?? ""} className={inputClass}>
          <option value="">Anyone</option>
          {actors.map((actor) => (
            <option key={actor} value={actor}>
              {actor}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <Button type="submit" className="py-1.5">
          Filter
        </Button>
        <ResetLink href="/changes" className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
          Clear
        </ResetLink>
      </div>
    </form>
  );
}
