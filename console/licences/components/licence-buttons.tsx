"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { LicenceRow } from "@/console/licences/server/list-licences";
import { LicenceForm } from "./licence-form";

const SAVED_NOTE = "These notes are a summary, not legal advice. Saved to the working configuration; the router applies them after Publish.";

export function NewLicenceButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add licence</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add a licence" description={SAVED_NOTE} wide>
        <LicenceForm licence={null} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

export function EditLicenceButton({ licence }: { licence: LicenceRow }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" className="px-2.5 py-1" onClick={() => setOpen(true)} aria-label={`Edit ${licence.name}`}>
        Edit
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Edit licence: ${licence.name}`} description={SAVED_NOTE} wide>
        <LicenceForm licence={licence} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
