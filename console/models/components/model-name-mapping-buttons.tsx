"use client";
import { DialogButton, EditButton } from "@/components/ui/form/dialog-button";
import type { ModelNameMappingRow } from "@/console/models/server/list-model-name-mappings";
import { ModelNameMappingForm, type MappingTargets } from "./model-name-mapping-form";

const SAVED_NOTE = "Saved to the working configuration; the gateway applies it after Publish. Names Switchyard already knows (auto, tier:…, model aliases) are never remapped.";

export function AddMappingButton({ targets }: { targets: MappingTargets }) {
  return (
    <DialogButton label="Add mapping" className="shrink-0 whitespace-nowrap" title="Add a model-name mapping" description={SAVED_NOTE}>
      {(close) => <ModelNameMappingForm mapping={null} targets={targets} onDone={close} />}
    </DialogButton>
  );
}

export function EditMappingButton({ mapping, targets }: { mapping: ModelNameMappingRow; targets: MappingTargets }) {
  return (
    <EditButton name={`mapping ${mapping.pattern}`} title={`Edit mapping: ${mapping.pattern}`} description={SAVED_NOTE}>
      {(close) => <ModelNameMappingForm mapping={mapping} targets={targets} onDone={close} />}
    </EditButton>
  );
}
