// The console's one filter bar (Costs, Decisions, Changes): a card holding a plain GET form, so
// every filtered view is a URL that can be shared, bookmarked and exported, and it works before
// any JavaScript loads. The fields are uncontrolled (defaultValue): key the form by the filters'
// query string so a client-side navigation (a preset, Reset, Clear) remounts them.
import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { ResetLink } from "./reset-link";

export const filterInputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-sky-500";
export const filterLabelClass = "block text-xs font-medium text-slate-600";

export interface FilterOption {
  value: string;
  label: string;
}

/** The card around a page's filters: presets above, the form below. */
export function FilterBar({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("space-y-3 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm", className)}>{children}</div>;
}

/**
 * The GET form itself. `searchLabel` makes it a named search landmark; `equalWidths` gives every
 * field the same width (fields set their own otherwise).
 */
export function FilterForm({ action, searchLabel, equalWidths = true, children }: { action: string; searchLabel?: string; equalWidths?: boolean; children: ReactNode }) {
  return (
    <form method="get" action={action} role={searchLabel ? "search" : undefined} aria-label={searchLabel} className={cn("flex flex-wrap items-end gap-3", equalWidths && "[&>*]:w-40")}>
      {children}
    </form>
  );
}

/**
 * A choice among options; the first, empty one (`anyLabel`, e.g. "All", "Any") means no filter,
 * `anyLabel={null}` offers none. `formName` prefixes the select's id, so ids stay unique on the
 * page. `inLabel` puts the select inside its label, where it takes the label's colour and weight
 * like the number and text fields (the Changes filters and the Costs traffic choice look so).
 */
export function FilterSelect({ formName, name, label, value, options, anyLabel = "Any", inLabel = false, className }: { formName: string; name: string; label: string; value: string | null; options: FilterOption[]; anyLabel?: string | null; inLabel?: boolean; className?: string }) {
  const id = `${formName}-${name}`;
  const select = (
    <select id={id} name={name} defaultValue={value ?? ""} className={filterInputClass}>
      {anyLabel === null ? null : <option value="">{anyLabel}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
  if (inLabel) {
    return (
      <label className={cn(filterLabelClass, className)}>
        {label}
        {select}
      </label>
    );
  }
  return (
    <div className={className}>
      <label htmlFor={id} className={filterLabelClass}>
        {label}
      </label>
      {select}
    </div>
  );
}

/** A number at least 0; empty means no filter. */
export function FilterNumber({ name, label, value, step, placeholder }: { name: string; label: string; value: number | null; step: string; placeholder: string }) {
  return (
    <label className={filterLabelClass}>
      {label}
      <input type="number" min={0} step={step} name={name} defaultValue={value ?? ""} placeholder={placeholder} className={filterInputClass} />
    </label>
  );
}

/** Free text; empty means no filter. */
export function FilterText({ name, label, value, placeholder, className }: { name: string; label: string; value: string | null; placeholder: string; className?: string }) {
  return (
    <label className={filterLabelClass}>
      {label}
      <input name={name} defaultValue={value ?? ""} placeholder={placeholder} className={cn(filterInputClass, className)} />
    </label>
  );
}

/** Submit and the link back to the unfiltered page (which also resets unsent choices). */
export function FilterActions({ submitLabel, resetLabel, resetHref, fill = true }: { submitLabel: string; resetLabel: string; resetHref: string; fill?: boolean }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" className={cn(fill && "flex-1", "py-1.5")}>
        {submitLabel}
      </Button>
      <ResetLink href={resetHref} className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
        {resetLabel}
      </ResetLink>
    </div>
  );
}
