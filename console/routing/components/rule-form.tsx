"use client";
import { useState, type FormEvent } from "react";
import { createRuleAction, updateRuleAction } from "@/console/routing/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { SelectField } from "@/components/ui/select-field";
import type { RoutingEditor, RoutingRuleView } from "@/console/routing/server/load-routing-editor";
import { routingRuleInputSchema } from "@/console/routing/schema";
import { DIFFICULTIES } from "@/lib/routing/types";

type Options = Pick<RoutingEditor, "tiers" | "models" | "features">;

function initialValues(rule: RoutingRuleView | null) {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  return {
    key: rule?.key ?? "",
    name: rule?.name ?? "",
    enabled: rule?.enabled ?? true,
    featureKey: rule?.when.featureKey ?? "",
    minTokens: text(rule?.when.minTokens),
    maxTokens: text(rule?.when.maxTokens),
    keywords: rule?.when.keywords.join(", ") ?? "",
    difficulty: rule?.when.difficulty ?? "",
    minTierKey: rule?.then.minTierKey ?? "",
    maxTierKey: rule?.then.maxTierKey ?? "",
    pinModelAlias: rule?.then.pinModelAlias ?? "",
  };
}

/** A rule's conditions (all that are set must hold) and what it does when they do. */
export function RuleForm({ rule, options, onDone }: { rule: RoutingRuleView | null; options: Options; onDone: () => void }) {
  const creating = rule === null;
  const [values, setValues] = useState(() => initialValues(rule));
  const form = useActionForm(routingRuleInputSchema, creating ? createRuleAction : updateRuleAction, { onSuccess: onDone, refresh: true });
  const change = (patch: Partial<typeof values>) => setValues((current) => ({ ...current, ...patch }));
  const id = (name: string) => `rule-${rule?.key ?? "new"}-${name}`;
  const errors = form.fieldErrors;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { featureKey, minTokens, maxTokens, keywords, difficulty, minTierKey, maxTierKey, pinModelAlias, ...rest } = values;
    form.submit({ ...rest, version: rule?.version ?? 0, when: { featureKey, minTokens, maxTokens, keywords, difficulty }, then: { minTierKey, maxTierKey, pinModelAlias } });
  }

  const tierOptions = (
    <>
      <option value="">—</option>
      {options.tiers.map((tier) => (
        <option key={tier.key} value={tier.key}>
          {tier.name}
        </option>
      ))}
    </>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-4 gap-x-4 gap-y-3" aria-label={creating ? "Add a routing rule" : `Edit rule ${rule.key}`}>
      <Field id={id("key")} label="Key" value={values.key} disabled={!creating} onChange={(event) => change({ key: event.target.value })} error={errors.key} placeholder="long-context-to-hosted" />
      <Field id={id("name")} label="Name" className="col-span-2" value={values.name} onChange={(event) => change({ name: event.target.value })} error={errors.name} />
      <CheckboxField id={id("enabled")} label="Enabled" className="pt-6" checked={values.enabled} onChange={(event) => change({ enabled: event.target.checked })} />

      <p className="col-span-full text-sm font-medium text-slate-700">When (every condition you set must hold; none = always)</p>
      <SelectField id={id("feature")} label="Feature" value={values.featureKey} onChange={(event) => change({ featureKey: event.target.value })} error={errors["when.featureKey"]}>
        <option value="">any feature</option>
        {options.features.map((feature) => (
          <option key={feature.key} value={feature.key}>
            {feature.name}
          </option>
        ))}
      </SelectField>
      <Field id={id("min-tokens")} label="Estimated tokens ≥" type="number" min={0} step={1} value={values.minTokens} onChange={(event) => change({ minTokens: event.target.value })} error={errors["when.minTokens"]} />
      <Field id={id("max-tokens")} label="Estimated tokens ≤" type="number" min={0} step={1} value={values.maxTokens} onChange={(event) => change({ maxTokens: event.target.value })} error={errors["when.maxTokens"]} />
      <SelectField id={id("difficulty")} label="Difficulty" value={values.difficulty} onChange={(event) => change({ difficulty: event.target.value })} error={errors["when.difficulty"]}>
        <option value="">any difficulty</option>
        {DIFFICULTIES.map((difficulty) => (
          <option key={difficulty} value={difficulty}>
            {difficulty}
          </option>
        ))}
      </SelectField>
      <Field id={id("keywords")} label="Mentions any of (comma-separated, whole words)" className="col-span-full" value={values.keywords} onChange={(event) => change({ keywords: event.target.value })} error={errors["when.keywords"]} placeholder="proof, legal opinion" />

      <p className="col-span-full text-sm font-medium text-slate-700">Then</p>
      <SelectField id={id("min-tier")} label="At least tier" value={values.minTierKey} onChange={(event) => change({ minTierKey: event.target.value })} error={errors["then.minTierKey"]}>
        {tierOptions}
      </SelectField>
      <SelectField id={id("max-tier")} label="At most tier" value={values.maxTierKey} onChange={(event) => change({ maxTierKey: event.target.value })} error={errors["then.maxTierKey"]}>
        {tierOptions}
      </SelectField>
      <SelectField id={id("pin")} label="Pin model" value={values.pinModelAlias} onChange={(event) => change({ pinModelAlias: event.target.value })} error={errors["then.pinModelAlias"]}>
        <option value="">—</option>
        {options.models.map((model) => (
          <option key={model.alias} value={model.alias}>
            {model.alias} ({model.tierKey})
          </option>
        ))}
      </SelectField>
      <p className="self-end pb-2 text-xs text-slate-500">A pin outside the request&apos;s data class is ignored, never obeyed.</p>

      <FormFooter form={form} onCancel={onDone} saveLabel={creating ? "Add rule" : "Save rule"} inline />
    </form>
  );
}
