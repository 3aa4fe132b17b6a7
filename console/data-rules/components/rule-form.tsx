"use client";
import { useState, type FormEvent } from "react";
import { createRuleAction, updateRuleAction } from "@/console/data-rules/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ClassificationRuleRow } from "@/console/data-rules/server/list-classification-rules";
import { createRuleSchema, updateRuleSchema } from "@/console/data-rules/schema";
import { NameKeyFields } from "@/components/ui/form/name-key-fields";
import { checkRegexSafety } from "@/lib/detectors";
import type { DataClassChoice } from "../data-rules-view";

/** Create (rule = null) or edit an admin regex / keyword rule. */
export function RuleForm({ rule, classes, onDone }: { rule: ClassificationRuleRow | null; classes: DataClassChoice[]; onDone: () => void }) {
  const [name, setName] = useState(rule?.name ?? "");
  const [key, setKey] = useState(rule?.key ?? "");
  const [kind, setKind] = useState<"keywords" | "regex">(rule?.kind === "regex" ? "regex" : "keywords");
  const [keywords, setKeywords] = useState(rule?.keywords.join("\n") ?? "");
  const [pattern, setPattern] = useState(rule?.pattern ?? "");
  const [dataClassKey, setDataClassKey] = useState<string>(rule?.dataClass.key ?? "confidential");
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const form = useActionForm(rule ? updateRuleSchema : createRuleSchema, rule ? updateRuleAction : createRuleAction, onDone);

  // Refuse an unsafe pattern as it is typed, with the reason the server would give.
  const safety = kind === "regex" && pattern !== "" ? checkRegexSafety(pattern) : null;
  const patternError = form.fieldErrors.pattern ?? (safety && !safety.ok ? safety.reason : undefined);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const matcher = kind === "regex" ? { kind, pattern } : { kind, keywords };
    form.submit({ key, name, dataClassKey, enabled, ...matcher, ...(rule ? { version: rule.version } : {}) });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <NameKeyFields
          idPrefix="rule"
          name={name}
          keyValue={key}
          existing={rule !== null}
          keyClassName={rule ? "opacity-70" : undefined}
          errors={form.fieldErrors}
          onChange={(patch) => {
            if (patch.name !== undefined) setName(patch.name);
            if (patch.key !== undefined) setKey(patch.key);
          }}
        />
      </div>
      <p className="-mt-2 text-xs text-slate-500">{rule ? "The key cannot change: decision records name their findings by it (rule:" + rule.key + ")." : "Findings are recorded as rule:<key>; the key cannot change later."}</p>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Matches</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(["keywords", "regex"] as const).map((option) => (
            <label key={option} className="flex items-center gap-1.5">
              <input type="radio" name="rule-kind" value={option} checked={kind === option} onChange={() => setKind(option)} className="accent-slate-900" />
              {option === "keywords" ? "Keywords or phrases" : "Regular expression"}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "keywords" ? (
        <TextareaField
          id="rule-keywords"
          label="Keywords"
          rows={4}
          value={keywords}
          onChange={(event) => setKeywords(event.target.value)}
          hint="One per line. Whole words, any case; spaces inside a phrase match any whitespace."
          error={form.fieldErrors.keywords}
        />
      ) : (
        <div>
          <Field id="rule-pattern" label="Pattern" value={pattern} onChange={(event) => setPattern(event.target.value)} spellCheck={false} style={{ fontFamily: "var(--font-mono)" }} error={patternError} />
          {safety?.ok ? <p className="mt-1 text-xs text-emerald-700">Safe to run on every prompt (case-insensitive).</p> : null}
        </div>
      )}
      <SelectField id="rule-class" label="Raises the request to" value={dataClassKey} onChange={(event) => setDataClassKey(event.target.value)} error={form.fieldErrors.dataClassKey}>
        {classes.map((dataClass) => (
          <option key={dataClass.key} value={dataClass.key}>
            {dataClass.name}
          </option>
        ))}
      </SelectField>
      <CheckboxField id="rule-enabled" label="Enabled" hint="A disabled rule stays listed but finds nothing." checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
      <FormFooter form={form} onCancel={onDone} saveLabel={rule ? "Save rule" : "Add rule"} />
    </form>
  );
}
