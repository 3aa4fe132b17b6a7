"use client";
import type { FormEvent } from "react";
import { createFeatureAction, updateFeatureAction } from "@/console/features/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { NameKeyFields } from "@/components/ui/form/name-key-fields";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { useFormValues } from "@/components/ui/form/use-form-values";
import type { FeatureRow } from "@/console/features/server/list-features";
import { createFeatureSchema, updateFeatureSchema } from "@/console/features/schema";
import { DIFFICULTIES } from "@/lib/routing/types";
import { EstimatorPreview } from "./estimator-preview";

export interface DataClassOption {
  key: string;
  name: string;
}

const initialValues = (feature: FeatureRow | null) => ({
  key: feature?.key ?? "",
  name: feature?.name ?? "",
  team: feature?.team ?? "",
  owner: feature?.owner ?? "",
  monthlyBudgetUsd: feature?.monthlyBudgetUsd?.toString() ?? "",
  budgetAction: feature?.budgetAction ?? "downgrade",
  defaultDifficulty: feature?.defaultDifficulty ?? "standard",
  defaultDataClassKey: feature?.defaultDataClass.key ?? "internal",
  allowPromptLogging: feature?.allowPromptLogging ?? false,
  commercial: feature?.commercial ?? true,
  monthlyActiveUsers: feature?.monthlyActiveUsers?.toString() ?? "",
  jurisdictions: feature?.jurisdictions.join(", ") ?? "",
  estimatorFrontierSharePercent: feature?.estimator ? String(Math.round(100 * feature.estimator.frontierShare)) : "",
});

/** Create (feature = null) or edit a feature; the key is fixed once created. */
/** `scores`: the difficulty estimator's scores of the feature's recent requests, ascending. */
export function FeatureForm({ feature, classes, scores = [], onDone }: { feature: FeatureRow | null; classes: DataClassOption[]; scores?: readonly number[]; onDone: () => void }) {
  const { values, set, update } = useFormValues(() => initialValues(feature));
  const form = useActionForm(feature ? updateFeatureSchema : createFeatureSchema, feature ? updateFeatureAction : createFeatureAction, onDone);
  const errors = form.fieldErrors;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ ...values, ...(feature ? { key: feature.key, version: feature.version } : {}) });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <NameKeyFields idPrefix="feature" name={values.name} keyValue={values.key} existing={feature !== null} errors={errors} onChange={update} />
        <Field id="feature-team" label="Team" value={values.team} onChange={set("team")} error={errors.team} />
        <Field id="feature-owner" label="Owner" placeholder="name or email" value={values.owner} onChange={set("owner")} error={errors.owner} />
        <Field id="feature-budget" label="Monthly budget (USD)" inputMode="decimal" placeholder="no budget" value={values.monthlyBudgetUsd} onChange={set("monthlyBudgetUsd")} error={errors.monthlyBudgetUsd} />
        <SelectField id="feature-budget-action" label="Past the budget" value={values.budgetAction} onChange={set("budgetAction")} error={errors.budgetAction}>
          <option value="downgrade">downgrade to a cheaper allowed tier</option>
          <option value="block">block until the month turns</option>
        </SelectField>
        <SelectField id="feature-difficulty" label="Default difficulty" value={values.defaultDifficulty} onChange={set("defaultDifficulty")} error={errors.defaultDifficulty}>
          {DIFFICULTIES.map((difficulty) => (
            <option key={difficulty} value={difficulty}>
              {difficulty}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="feature-data-class"
          label="Default data class"
          hint="The least class of every request of this feature."
          value={values.defaultDataClassKey}
          onChange={set("defaultDataClassKey")}
          error={errors.defaultDataClassKey}
        >
          {classes.map((dataClass) => (
            <option key={dataClass.key} value={dataClass.key}>
              {dataClass.name}
            </option>
          ))}
        </SelectField>
        <Field id="feature-mau" label="Monthly active users" inputMode="numeric" placeholder="unknown" value={values.monthlyActiveUsers} onChange={set("monthlyActiveUsers")} error={errors.monthlyActiveUsers} />
        <Field id="feature-jurisdictions" label="Served in (jurisdictions)" placeholder="e.g. US, EU" value={values.jurisdictions} onChange={set("jurisdictions")} error={errors.jurisdictions} />
      </div>
      <div className="space-y-1.5 rounded-md border border-slate-200 bg-slate-50 p-3">
        <Field
          id="feature-estimator-share"
          label="Difficulty estimator: frontier share (%)"
          inputMode="numeric"
          placeholder="off"
          value={values.estimatorFrontierSharePercent}
          onChange={set("estimatorFrontierSharePercent")}
          error={errors.estimatorFrontierSharePercent}
        />
        <p className="text-xs text-slate-500">The requests the estimator scores hardest, up to this share, are raised to hard. Blank = off.</p>
        <EstimatorPreview scores={scores} percent={values.estimatorFrontierSharePercent} defaultDifficulty={values.defaultDifficulty} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <CheckboxField
          id="feature-commercial"
          label="Used commercially"
          hint="Licences that forbid commercial use exclude their models."
          checked={values.commercial}
          onChange={(event) => update({ commercial: event.target.checked })}
        />
        <CheckboxField
          id="feature-prompt-logging"
          label="Keep raw prompts"
          hint="Off: decision records keep a SHA-256 of the prompt only."
          checked={values.allowPromptLogging}
          onChange={(event) => update({ allowPromptLogging: event.target.checked })}
        />
      </div>
      <FormFooter form={form} onCancel={onDone} saveLabel={feature ? "Save feature" : "Add feature"} />
    </form>
  );
}
