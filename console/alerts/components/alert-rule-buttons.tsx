"use client";
import { useState } from "react";
import { deleteAlertRuleAction, sendTestAlertAction, setAlertRuleEnabledAction } from "@/console/alerts/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ConfirmDialog } from "@/components/ui/form/confirm-dialog";
import { DialogButton, EditButton } from "@/components/ui/form/dialog-button";
import { useRowAction } from "@/components/ui/form/use-row-action";
import type { AlertRuleOptions, AlertRuleRow } from "@/console/alerts/server/list-alerts";
import { AlertRuleForm } from "./alert-rule-form";

export function NewAlertRuleButton({ options }: { options: AlertRuleOptions }) {
  return (
    <DialogButton label="Add alert rule" title="Add an alert rule" description="Acts at once: no Publish needed." wide>
      {(close) => <AlertRuleForm rule={null} options={options} onDone={close} />}
    </DialogButton>
  );
}

/** Edit, enable/disable, delete and "Send test" for one rule. */
export function AlertRuleButtons({ rule, options }: { rule: AlertRuleRow; options: AlertRuleOptions }) {
  const [deleting, setDeleting] = useState(false);
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  // One action at a time for the row: a test, a toggle or a delete.
  const row = useRowAction();

  function sendTest() {
    setTestResult(null);
    row.startTransition(async () => {
      const result = await sendTestAlertAction({ id: rule.id });
      if (!result.ok) return setTestResult({ ok: false, text: result.error });
      const { statusCode, error: failure, ok } = result.data;
      setTestResult({ ok, text: ok ? `Delivered (HTTP ${statusCode}).` : statusCode !== null ? `Not delivered: the webhook answered HTTP ${statusCode}.` : `Not delivered: ${failure}.` });
    });
  }

  return (
    <div className="flex flex-col items-end gap-1.5">
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" className="px-2.5 py-1" onClick={sendTest} disabled={row.pending} aria-label={`Send test for ${rule.name}`}>
          Send test
        </Button>
        <EditButton name={rule.name} title={`Edit alert rule: ${rule.name}`} description="Acts at once: no Publish needed." wide>
          {(close) => <AlertRuleForm rule={rule} options={options} onDone={close} />}
        </EditButton>
        <Button variant="ghost" className="px-2.5 py-1" disabled={row.pending} onClick={() => row.run(() => setAlertRuleEnabledAction({ id: rule.id, version: rule.version, enabled: !rule.enabled }))} aria-label={`${rule.enabled ? "Disable" : "Enable"} ${rule.name}`}>
          {rule.enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="ghost" className="px-2.5 py-1 text-red-700" onClick={() => (row.clearError(), setDeleting(true))} aria-label={`Delete ${rule.name}`}>
          Delete
        </Button>
      </div>
      {testResult ? (
        <p role="status" className={testResult.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"} data-testid="alert-test-result">
          {testResult.text}
        </p>
      ) : null}
      {row.error && !deleting ? <FormAlert message={row.error.message} /> : null}
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title={`Delete “${rule.name}”?`}
        error={row.error}
        pending={row.pending}
        onConfirm={() => row.run(() => deleteAlertRuleAction({ id: rule.id, version: rule.version }), () => setDeleting(false))}
        confirmLabel="Delete rule"
        pendingLabel="Deleting…"
      >
        <p className="text-sm text-slate-700">It stops firing now. The alerts it already fired stay on this page.</p>
      </ConfirmDialog>
    </div>
  );
}
