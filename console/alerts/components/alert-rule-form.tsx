"use client";
import type { FormEvent } from "react";
import { useFormValues } from "@/components/ui/form/use-form-values";
import { createAlertRuleAction, updateAlertRuleAction } from "@/console/alerts/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { AlertRuleOptions, AlertRuleRow } from "@/console/alerts/server/list-alerts";
import { createAlertRuleSchema, updateAlertRuleSchema } from "@/console/alerts/schema";

const initialValues = (rule: AlertRuleRow | null) => ({
  name: rule?.name ?? "",
  kind: rule?.kind ?? "budget_threshold",
  enabled: rule?.enabled ?? true,
  thresholdPercent: rule?.thresholdPercent?.toString() ?? "80",
  featureKey: rule?.featureKey ?? "",
  windowMinutes: rule?.windowMinutes?.toString() ?? "5",
  minRequests: rule?.minRequests?.toString() ?? "20",
  providerKey: rule?.providerKey ?? "",
  format: rule?.format ?? "slack",
  // Never sent back to the browser: blank keeps the saved URL.
  webhookUrl: "",
});

/** Create (rule = null) or edit an alert rule. */
export function AlertRuleForm({ rule, options, onDone }: { rule: AlertRuleRow | null; options: AlertRuleOptions; onDone: () => void }) {
  const { values, set, update } = useFormValues(() => initialValues(rule));
  const form = useActionForm(rule ? updateAlertRuleSchema : createAlertRuleSchema, rule ? updateAlertRuleAction : createAlertRuleAction, onDone);
  const errors = form.fieldErrors;
  const { kind } = values;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ ...values, ...(rule ? { id: rule.id, version: rule.version } : {}) });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="alert-name" label="Name" autoFocus value={values.name} onChange={set("name")} error={errors.name} placeholder="e.g. Support budget 80 %" />
        <SelectField id="alert-kind" label="Alert when" value={kind} onChange={set("kind")} error={errors.kind}>
          <option value="budget_threshold">spend reaches a share of the budget</option>
          <option value="refusal_spike">refused requests spike</option>
          <option value="circuit_open">a provider&apos;s circuit opens</option>
        </SelectField>
        {kind !== "circuit_open" ? (
          <>
            <Field
              id="alert-threshold"
              label={kind === "budget_threshold" ? "Threshold (% of the monthly budget)" : "Threshold (% of requests refused)"}
              inputMode="decimal"
              value={values.thresholdPercent}
              onChange={set("thresholdPercent")}
              error={errors.thresholdPercent}
            />
            <SelectField id="alert-feature" label="Feature" value={values.featureKey} onChange={set("featureKey")} error={errors.featureKey}>
              <option value="">{kind === "budget_threshold" ? "every feature with a budget" : "all traffic together"}</option>
              {options.features.map((feature) => (
                <option key={feature.key} value={feature.key}>
                  {feature.name} ({feature.key})
                </option>
              ))}
            </SelectField>
          </>
        ) : (
          <SelectField id="alert-provider" label="Provider" value={values.providerKey} onChange={set("providerKey")} error={errors.providerKey}>
            <option value="">any provider</option>
            {options.providers.map((provider) => (
              <option key={provider.key} value={provider.key}>
                {provider.name} ({provider.key})
              </option>
            ))}
          </SelectField>
        )}
        {kind === "refusal_spike" ? (
          <>
            <Field id="alert-window" label="Over the last (minutes)" inputMode="numeric" value={values.windowMinutes} onChange={set("windowMinutes")} error={errors.windowMinutes} />
            <Field id="alert-min-requests" label="With at least (requests)" inputMode="numeric" value={values.minRequests} onChange={set("minRequests")} error={errors.minRequests} />
          </>
        ) : null}
        <SelectField id="alert-format" label="Webhook format" hint="JSON: kind, rule, subject, values, occurredAt, link." value={values.format} onChange={set("format")} error={errors.format}>
          <option value="slack">Slack-compatible ({"{ text }"})</option>
          <option value="json">JSON object</option>
        </SelectField>
        <div>
          <Field
            id="alert-webhook"
            label="Webhook URL"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={rule ? rule.maskedWebhook : "https://hooks.slack.com/services/…"}
            value={values.webhookUrl}
            onChange={set("webhookUrl")}
            error={errors.webhookUrl}
          />
          <p className="mt-1 text-xs text-slate-600">{rule ? "Saved and hidden. Leave blank to keep it; type a new URL to replace it." : "It carries a secret: after saving only its host is shown."}</p>
        </div>
      </div>
      <CheckboxField id="alert-enabled" label="Enabled" checked={values.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
      <FormFooter form={form} onCancel={onDone} saveLabel={rule ? "Save rule" : "Add rule"} />
    </form>
  );
}
