"use client";
import { useState, useTransition } from "react";
import { deleteAlertRuleAction, sendTestAlertAction, setAlertRuleEnabledAction } from "@/console/alerts/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import type { AlertRuleOptions, AlertRuleRow } from "@/console/alerts/server/list-alerts";
import { AlertRuleForm } from "./alert-rule-form";

export function NewAlertRuleButton({ options }: { options: AlertRuleOptions }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add alert rule</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add an alert rule" description="Acts at once: no Publish needed." wide>
        <AlertRuleForm rule={null} options={options} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

/** Edit, enable/disable, delete and "Send test" for one rule. */
export function AlertRuleButtons({ rule, options }: { rule: AlertRuleRow; options: AlertRuleOptions }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<{ ok: true } | { ok: false; error: string }>, after?: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) after?.();
      else setError(result.error);
    });
  }

  function sendTest() {
    setTestResult(null);
    startTransition(async () => {
      const result = await sendTestAlertAction({ id: rule.id });
      if (!result.ok) return setTestResult({ ok: false, text: result.error });
      const { statusCode, error: failure, ok } = result.data;
      setTestResult({ ok, text: ok ? `Delivered (HTTP ${statusCode}).` : statusCode !== null ? `Not delivered: the webhook answered HTTP ${statusCode}.` : `Not delivered: ${failure}.` });
    });
  }

  return (
    <div className="flex flex-col items-end gap-1.5">
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" className="px-2.5 py-1" onClick={sendTest} disabled={pending} aria-label={`Send test for ${rule.name}`}>
          Send test
        </Button>
        <Button variant="secondary" className="px-2.5 py-1" onClick={() => setEditing(true)} aria-label={`Edit ${rule.name}`}>
          Edit
        </Button>
        <Button variant="ghost" className="px-2.5 py-1" disabled={pending} onClick={() => run(() => setAlertRuleEnabledAction({ id: rule.id, version: rule.version, enabled: !rule.enabled }))} aria-label={`${rule.enabled ? "Disable" : "Enable"} ${rule.name}`}>
          {rule.enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="ghost" className="px-2.5 py-1 text-red-700" onClick={() => (setError(null), setDeleting(true))} aria-label={`Delete ${rule.name}`}>
          Delete
        </Button>
      </div>
      {testResult ? (
        <p role="status" className={testResult.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"} data-testid="alert-test-result">
          {testResult.text}
        </p>
      ) : null}
      {error && !deleting ? <FormAlert message={error} /> : null}
      <Dialog open={editing} onClose={() => setEditing(false)} title={`Edit alert rule: ${rule.name}`} description="Acts at once: no Publish needed." wide>
        <AlertRuleForm rule={rule} options={options} onDone={() => setEditing(false)} />
      </Dialog>
      <Dialog open={deleting} onClose={() => setDeleting(false)} title={`Delete “${rule.name}”?`}>
        <p className="text-sm text-slate-700">It stops firing now. The alerts it already fired stay on this page.</p>
        {error ? (
          <div className="mt-3">
            <FormAlert message={error} />
          </div>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDeleting(false)} autoFocus>
            Keep it
          </Button>
          <Button variant="danger" disabled={pending} onClick={() => run(() => deleteAlertRuleAction({ id: rule.id, version: rule.version }), () => setDeleting(false))}>
            {pending ? "Deleting…" : "Delete rule"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
