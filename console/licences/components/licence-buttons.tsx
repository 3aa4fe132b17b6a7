"use client";
import { DialogButton, EditButton } from "@/components/ui/form/dialog-button";
import type { LicenceRow } from "@/console/licences/server/list-licences";
import { LicenceForm } from "./licence-form";

const SAVED_NOTE = "These notes are a summary, not legal advice. Saved to the working configuration; the router applies them after Publish.";

export function NewLicenceButton() {
  return (
    <DialogButton label="Add licence" title="Add a licence" description={SAVED_NOTE} wide>
      {(close) => <LicenceForm licence={null} onDone={close} />}
    </DialogButton>
  );
}

export function EditLicenceButton({ licence }: { licence: LicenceRow }) {
  return (
    <EditButton name={licence.name} title={`Edit licence: ${licence.name}`} description={SAVED_NOTE} wide>
      {(close) => <LicenceForm licence={licence} onDone={close} />}
    </EditButton>
  );
}
