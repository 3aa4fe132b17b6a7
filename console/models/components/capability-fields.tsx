"use client";
import { capabilityWord } from "@/lib/config/catalogue/catalogue-entry";
import { CAPABILITIES, type Capability } from "@/lib/routing/types";
import { CAPABILITY_MEANING } from "./capability-badges";

/** The four capability switches; a request that needs one the model lacks skips the model. */
export function CapabilityFields({ idPrefix, value, onChange, error }: { idPrefix: string; value: Capability[]; onChange: (next: Capability[]) => void; error?: string }) {
  const toggle = (capability: Capability, on: boolean) => onChange(CAPABILITIES.filter((entry) => (entry === capability ? on : value.includes(entry))));
  return (
    <fieldset className="col-span-full sm:col-span-2 lg:col-span-3" aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">Capabilities</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white px-3 py-2">
        {CAPABILITIES.map((capability) => (
          <label key={capability} className="flex items-center gap-1.5 text-sm text-slate-700" title={CAPABILITY_MEANING[capability]}>
            <input
              id={`${idPrefix}-${capability}`}
              type="checkbox"
              checked={value.includes(capability)}
              onChange={(event) => toggle(capability, event.target.checked)}
              className="size-4 rounded border-slate-300 accent-slate-900"
            />
            {capability === "structured_output" ? "JSON output" : capabilityWord(capability)}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${idPrefix}-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : (
        <p className="mt-1 text-xs text-slate-500">Requests with tools, a JSON schema, images or a reasoning effort only go to models switched on for it.</p>
      )}
    </fieldset>
  );
}
