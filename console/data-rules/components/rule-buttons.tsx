"use client";
import { useState, useTransition } from "react";
import { deleteRuleAction } from "@/console/data-rules/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import type { ClassificationRuleRow } from "@/console/data-rules/server/list-classification-rules";
import type { DataClassChoice } from "../data-rules-view";
import { RuleForm } from "./rule-form";

export function NewRuleButton({ classes }: { classes: DataClassChoice[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="shrink-0" onClick={() => setOpen(true)}>
        Add rule
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add a classification rule" description="Saved to the working configuration; the gateway applies it after Publish.">
        <RuleForm rule={null} classes={classes} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

export function RuleButtons({ rule, classes }: { rule: ClassificationRuleRow; classes: DataClassChoice[] }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function confirmDelete() {
    startTransition(async () => {
      const result = await deleteRuleAction({ key: rule.key, version: rule.version });
      if (result.ok) setDeleting(false);
      else setError({ message: result.error, stale: result.stale === true });
    });
  }

  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" className="px-2.5 py-1" onClick={() => setEditing(true)} aria-label={`Edit ${rule.name}`}>
        Edit
      </Button>
      <Button variant="ghost" className="px-2.5 py-1 text-red-700" onClick={() => (setError(null), setDeleting(true))} aria-label={`Delete ${rule.name}`}>
        Delete
      </Button>
      <Dialog open={editing} onClose={() => setEditing(false)} title={`Edit rule: ${rule.name}`} description="Saved to the working configuration; the gateway applies it after Publish.">
        <RuleForm rule={rule} classes={classes} onDone={() => setEditing(false)} />
      </Dialog>
      <Dialog open={deleting} onClose={() => setDeleting(false)} title={`Delete the rule “${rule.name}”?`}>
        <p className="text-sm text-slate-700">
          Text it matches will no longer raise requests to {rule.dataClass.name.toLowerCase()} once you publish. Past decision records keep their findings.
        </p>
        {error ? (
          <div className="mt-3">
            <FormAlert message={error.message} stale={error.stale} onReload={() => setDeleting(false)} />
          </div>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDeleting(false)} autoFocus>
            Keep it
          </Button>
          <Button variant="danger" onClick={confirmDelete} disabled={pending}>
            {pending ? "Deleting…" : "Delete rule"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
