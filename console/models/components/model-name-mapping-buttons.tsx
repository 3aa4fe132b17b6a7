"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ModelNameMappingRow } from "@/console/models/server/list-model-name-mappings";
import { ModelNameMappingForm, type MappingTargets } from "./model-name-mapping-form";

const SAVED_NOTE = "Saved to the working configuration; the gateway applies it after Publish. Names Switchyard already knows (auto, tier:…, model aliases) are never remapped.";

export function AddMappingButton({ targets }: { targets: MappingTargets }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="shrink-0 whitespace-nowrap" onClick={() => setOpen(true)}>Add mapping</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add a model-name mapping" description={SAVED_NOTE}>
        <ModelNameMappingForm mapping={null} targets={targets} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

export function EditMappingButton({ mapping, targets }: { mapping: ModelNameMappingRow; targets: MappingTargets }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" className="px-2.5 py-1" onClick={() => setOpen(true)} aria-label={`Edit mapping ${mapping.pattern}`}>
        Edit
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Edit mapping: ${mapping.pattern}`} description={SAVED_NOTE}>
        <ModelNameMappingForm mapping={mapping} targets={targets} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
