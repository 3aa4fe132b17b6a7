"use client";
// The one time-range picker of Costs and Decisions: relative presets as links, and From/To as a
// day and an hour each, in the viewer's time zone. The fields sit inside the page's GET form (so
// a range is always a URL); they are controlled and follow the URL, so after a preset, Reset or
// Clear they show the range the page shows — never a stale one that the next submit would send.
// At hydration they keep what the inputs already hold (typed before the scripts ran).
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { cn } from "./cn";
import { EMPTY_RANGE_FIELDS, fieldsAtHydration, sameRangeFields, type RangeFieldValues } from "./range-fields";

export type { RangeFieldValues } from "./range-fields";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-sky-500";
const labelClass = "block text-xs font-medium text-slate-600";
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number, edge: "start" | "end") => (edge === "start" ? `${String(hour).padStart(2, "0")}:00` : `${String(hour).padStart(2, "0")}:59`);

/** The zone's short name for labels: "UTC", "Paris". */
function zoneName(timeZone: string): string {
  return timeZone === "UTC" ? "UTC" : (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

/**
 * Asks for the viewer's own zone once: when the URL names none and the browser's differs, the
 * page is reloaded with `tz` so presets and fields read in local time.
 */
function useViewerZone(timeZone: string, zoneInUrl: boolean) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  useEffect(() => {
    if (zoneInUrl) return;
    const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!viewer || viewer === timeZone || (viewer === "Etc/UTC" && timeZone === "UTC")) return;
    const next = new URLSearchParams(searchParams.toString());
    next.set("tz", viewer);
    router.replace(`${pathname}?${next.toString()}`);
  }, [zoneInUrl, timeZone, router, pathname, searchParams]);
}

export function TimeRangeFields({ values, timeZone, zoneInUrl }: { values: RangeFieldValues | null; timeZone: string; zoneInUrl: boolean }) {
  const empty = EMPTY_RANGE_FIELDS;
  const [fields, setFields] = useState<RangeFieldValues>(values ?? empty);
  const sync = JSON.stringify(values);
  const anchor = useRef<HTMLInputElement>(null);
  const toInput = useRef<HTMLInputElement>(null);
  const fromHourSelect = useRef<HTMLSelectElement>(null);
  const toHourSelect = useRef<HTMLSelectElement>(null);
  // Hydration: the inputs hold the server's render of the URL's range, or what the visitor typed
  // before the scripts ran — keep that. A layout effect, so no render can put the URL's range
  // back into the inputs first.
  useLayoutEffect(() => {
    if (!anchor.current || !toInput.current || !fromHourSelect.current || !toHourSelect.current) return;
    const held = fieldsAtHydration({ from: anchor.current.value, fromHour: fromHourSelect.current.value, to: toInput.current.value, toHour: toHourSelect.current.value }, fields);
    setFields((current) => (sameRangeFields(current, held) ? current : held));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, at hydration
  // The URL changed (a preset, Reset, Clear, Back): show its range, not what was typed before. Not
  // on mounting: the fields start from the URL already, and the layout effect above kept any typing.
  const shown = useRef(sync);
  useEffect(() => {
    if (shown.current === sync) return;
    shown.current = sync;
    setFields(values ?? empty);
  }, [sync]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed on the range's value, not the object
  // The form's Reset/Clear resets it in place too (controlled fields ignore a DOM reset otherwise).
  useEffect(() => {
    const form = anchor.current?.form;
    if (!form) return;
    const onReset = () => setFields(values ?? empty);
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, [sync]); // eslint-disable-line react-hooks/exhaustive-deps
  useViewerZone(timeZone, zoneInUrl);
  const zone = zoneName(timeZone);
  const set = (change: Partial<RangeFieldValues>) => setFields((current) => ({ ...current, ...change }));
  return (
    <>
      {timeZone !== "UTC" ? <input type="hidden" name="tz" value={timeZone} /> : null}
      <div className="flex gap-1 !w-auto" data-testid="range-from">
        <label className={cn(labelClass, "w-36")}>
          From ({zone} day)
          <input ref={anchor} type="date" name="from" value={fields.fromDay} onChange={(event) => set({ fromDay: event.target.value })} className={inputClass} />
        </label>
        <label className={cn(labelClass, "w-20")}>
          From hour
          <select ref={fromHourSelect} name="fromHour" value={fields.fromHour} onChange={(event) => set({ fromHour: Number(event.target.value) })} className={inputClass}>
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour, "start")}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex gap-1 !w-auto" data-testid="range-to">
        <label className={cn(labelClass, "w-36")}>
          To ({zone} day)
          <input ref={toInput} type="date" name="to" value={fields.toDay} onChange={(event) => set({ toDay: event.target.value })} className={inputClass} />
        </label>
        <label className={cn(labelClass, "w-20")}>
          To hour
          <select ref={toHourSelect} name="toHour" value={fields.toHour} onChange={(event) => set({ toHour: Number(event.target.value) })} className={inputClass}>
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour, "end")}
              </option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}

export interface PresetLink {
  key: string;
  label: string;
  href: string;
}

/** The presets as links (a shared link keeps meaning "last month"), and the range in words. */
export function RangePresets({ presets, active, words, timeZone, anyHref, testId = "range-words" }: { presets: PresetLink[]; active: string | null; words: string; timeZone: string; anyHref?: string; testId?: string }) {
  const pill = (on: boolean) => cn("rounded-full px-3 py-1 text-sm font-medium", on ? "bg-slate-900 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200");
  return (
    <nav aria-label="Date range presets" className="flex flex-wrap items-center gap-2">
      {anyHref !== undefined ? (
        <Link href={anyHref} aria-current={active === "any" ? "page" : undefined} className={pill(active === "any")}>
          Any time
        </Link>
      ) : null}
      {presets.map((preset) => (
        <Link key={preset.key} href={preset.href} aria-current={active === preset.key ? "page" : undefined} className={pill(active === preset.key)}>
          {preset.label}
        </Link>
      ))}
      <span className="ml-auto text-sm text-slate-600" data-testid={testId}>
        {words} <span className="text-slate-500">({timeZone})</span>
      </span>
    </nav>
  );
}
