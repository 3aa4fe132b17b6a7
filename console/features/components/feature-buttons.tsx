"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { FeatureRow } from "@/console/features/server/list-features";
import { FeatureForm, type DataClassOption } from "./feature-form";

const SAVED_NOTE = "Saved to the working configuration; budgets, defaults and licence checks change after Publish.";

export function NewFeatureButton({ classes }: { classes: DataClassOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add feature</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add a feature" description={SAVED_NOTE} wide>
        <FeatureForm feature={null} classes={classes} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

export function EditFeatureButton({ feature, classes, scores }: { feature: FeatureRow; classes: DataClassOption[]; scores: readonly number[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" className="px-2.5 py-1" onClick={() => setOpen(true)} aria-label={`Edit ${feature.name}`}>
        Edit
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Edit feature: ${feature.name}`} description={SAVED_NOTE} wide>
        <FeatureForm feature={feature} classes={classes} scores={scores} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
