"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ModelForm } from "./model-form";
import { initialModelValues } from "../model-form-values";
import type { ModelFormOptions } from "./model-row";

/** "Add a model" under a tier's table; the form starts in that tier. */
export function AddModel({ tierKey, tierName, options }: { tierKey: string; tierName: string; options: ModelFormOptions }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="px-5 py-3">
        <Button variant="ghost" className="px-2.5 py-1 text-sky-700" onClick={() => setOpen(true)}>
          + Add a model to {tierName}
        </Button>
      </div>
    );
  }
  return (
    <div className="border-t border-slate-100 bg-slate-50/60 px-5 py-4">
      <h3 className="mb-3 text-sm font-semibold text-slate-900">New model in {tierName}</h3>
      <ModelForm version={0} initial={initialModelValues(null, tierKey, options.hardwareProfiles)} options={options} onDone={() => setOpen(false)} />
    </div>
  );
}
