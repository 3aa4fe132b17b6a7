"use client";
import { DialogButton, EditButton } from "@/components/ui/form/dialog-button";
import type { FeatureRow } from "@/console/features/server/list-features";
import { FeatureForm, type DataClassOption } from "./feature-form";

const SAVED_NOTE = "Saved to the working configuration; budgets, defaults and licence checks change after Publish.";

export function NewFeatureButton({ classes }: { classes: DataClassOption[] }) {
  return (
    <DialogButton label="Add feature" title="Add a feature" description={SAVED_NOTE} wide>
      {(close) => <FeatureForm feature={null} classes={classes} onDone={close} />}
    </DialogButton>
  );
}

export function EditFeatureButton({ feature, classes, scores }: { feature: FeatureRow; classes: DataClassOption[]; scores: readonly number[] }) {
  return (
    <EditButton name={feature.name} title={`Edit feature: ${feature.name}`} description={SAVED_NOTE} wide>
      {(close) => <FeatureForm feature={feature} classes={classes} scores={scores} onDone={close} />}
    </EditButton>
  );
}
