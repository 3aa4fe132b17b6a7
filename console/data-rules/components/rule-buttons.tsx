"use client";
import { useState } from "react";
import { deleteRuleAction } from "@/console/data-rules/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/form/confirm-dialog";
import { DialogButton, EditButton } from "@/components/ui/form/dialog-button";
import { useRowAction } from "@/components/ui/form/use-row-action";
import type { ClassificationRuleRow } from "@/console/data-rules/server/list-classification-rules";
import type { DataClassChoice } from "../data-rules-view";
import { RuleForm } from "./rule-form";

const SAVED_NOTE = "Saved to the working configuration; the gateway applies it after Publish.";

export function NewRuleButton({ classes }: { classes: DataClassChoice[] }) {
  return (
    <DialogButton label="Add rule" className="shrink-0" title="Add a classification rule" description={SAVED_NOTE}>
      {(close) => <RuleForm rule={null} classes={classes} onDone={close} />}
    </DialogButton>
  );
}

export function RuleButtons({ rule, classes }: { rule: ClassificationRuleRow; classes: DataClassChoice[] }) {
  const [deleting, setDeleting] = useState(false);
  const remove = useRowAction();

  return (
    <div className="flex justify-end gap-2">
      <EditButton name={rule.name} title={`Edit rule: ${rule.name}`} description={SAVED_NOTE}>
        {(close) => <RuleForm rule={rule} classes={classes} onDone={close} />}
      </EditButton>
      <Button variant="ghost" className="px-2.5 py-1 text-red-700" onClick={() => (remove.clearError(), setDeleting(true))} aria-label={`Delete ${rule.name}`}>
        Delete
      </Button>
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title={`Delete the rule “${rule.name}”?`}
        error={remove.error}
        pending={remove.pending}
        onConfirm={() => remove.run(() => deleteRuleAction({ key: rule.key, version: rule.version }), () => setDeleting(false))}
        confirmLabel="Delete rule"
        pendingLabel="Deleting…"
      >
        <p className="text-sm text-slate-700">
          Text it matches will no longer raise requests to {rule.dataClass.name.toLowerCase()} once you publish. Past decision records keep their findings.
        </p>
      </ConfirmDialog>
    </div>
  );
}
