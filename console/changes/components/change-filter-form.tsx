// The change log's filters: by entity and by user, a plain GET form so a filtered log is a URL.
import { FilterActions, FilterBar, FilterForm, FilterSelect } from "@/components/ui/filter-bar";
import { changeSearch, type ChangeFilters } from "@/console/changes/change-filters";

const ID = "change-filter";

export function ChangeFilterForm({ filters, entities, actors }: { filters: ChangeFilters; entities: string[]; actors: string[] }) {
  return (
    <FilterBar className="mb-4">
      <FilterForm key={changeSearch(filters)} action="/changes" searchLabel="Filter changes" equalWidths={false}>
        <FilterSelect formName={ID} inLabel name="entity" label="Entity" value={filters.entity} options={entities.map((entity) => ({ value: entity, label: entity }))} className="w-48" />
        <FilterSelect formName={ID} anyLabel="Anyone" inLabel name="actor" label="User" value={filters.actor} options={actors.map((actor) => ({ value: actor, label: actor }))} className="w-64" />
        <FilterActions submitLabel="Filter" resetLabel="Clear" resetHref="/changes" fill={false} />
      </FilterForm>
    </FilterBar>
  );
}
