"use client";
import { updateDataRuleSettingsAction } from "@/console/data-rules/actions";
import { Card, CardHeader } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { dataRuleSettingsSchema, LOGGABLE_DATA_CLASSES, type DataRuleSettingsValues } from "@/lib/config/data-rule-settings-schema";
import type { DataClassRow, DataRuleSettingsView } from "@/console/data-rules/server/list-data-classes";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-500";

/**
 * The data rules' three settings: the class of content the detectors cannot read, the highest
 * class whose prompts may be stored, and the finding types masked in answers. Each control saves
 * as soon as it changes (like a detector's class); the gateway applies them after Publish.
 */
export function DataRuleSettingsCard({ settings, classes, detectors, canEdit }: { settings: DataRuleSettingsView; classes: DataClassRow[]; detectors: Array<{ key: string; label: string }>; canEdit: boolean }) {
  const form = useActionForm(dataRuleSettingsSchema, updateDataRuleSettingsAction);
  const save = (change: Partial<DataRuleSettingsValues>) =>
    form.submit({ version: settings.version, unscannableDataClassKey: settings.unscannableDataClassKey, maxLoggedDataClassKey: settings.maxLoggedDataClassKey, maskedAnswerFindings: settings.maskedAnswerFindings, ...change });
  const chosen = classes.find((dataClass) => dataClass.key === settings.unscannableDataClassKey);
  const loggable = classes.filter((dataClass) => (LOGGABLE_DATA_CLASSES as readonly string[]).includes(dataClass.key));
  const disabled = !canEdit || form.pending;
  const error = (field: keyof DataRuleSettingsValues, id: string) =>
    form.fieldErrors[field] ? (
      <p id={`${id}-error`} className="text-sm text-red-600">
        {form.fieldErrors[field]}
      </p>
    ) : null;
  const describedBy = (field: keyof DataRuleSettingsValues, id: string) => (form.fieldErrors[field] ? `${id}-error` : `${id}-hint`);

  return (
    <Card data-testid="data-rule-settings">
      <CardHeader title="Data rule settings" description="What happens to content the detectors cannot read, which prompts may be kept, and what is masked in answers." />
      <div className="divide-y divide-slate-100">
        <section className="space-y-2 px-5 py-4" data-testid="unscannable-content">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm text-slate-700">
            <label htmlFor="unscannable-data-class">Content that cannot be scanned (images) is at least</label>
            <select id="unscannable-data-class" value={settings.unscannableDataClassKey} disabled={disabled} aria-describedby={describedBy("unscannableDataClassKey", "unscannable-data-class")} onChange={(event) => save({ unscannableDataClassKey: event.target.value as DataRuleSettingsValues["unscannableDataClassKey"] })} className={selectClass}>
              {classes.map((dataClass) => (
                <option key={dataClass.key} value={dataClass.key}>
                  {dataClass.name}
                </option>
              ))}
            </select>
          </div>
          <p id="unscannable-data-class-hint" className="text-xs text-slate-500">
            {chosen
              ? chosen.tiers.length > 0
                ? `Detectors read text only. Requests with images may use ${chosen.tiers.map((tier) => tier.name).join(", ")}${chosen.allowedRegions.length > 0 ? ` (regions ${chosen.allowedRegions.join(", ")})` : ""}, and only models switched on for images.`
                : "That class may use no tier: every request with an image is refused."
              : null}
          </p>
          {error("unscannableDataClassKey", "unscannable-data-class")}
        </section>

        <section className="space-y-2 px-5 py-4" data-testid="prompt-logging-ceiling">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm text-slate-700">
            <label htmlFor="max-logged-data-class">Store prompts (where a feature allows it) only up to</label>
            <select id="max-logged-data-class" value={settings.maxLoggedDataClassKey} disabled={disabled} aria-describedby={describedBy("maxLoggedDataClassKey", "max-logged-data-class")} onChange={(event) => save({ maxLoggedDataClassKey: event.target.value as DataRuleSettingsValues["maxLoggedDataClassKey"] })} className={selectClass}>
              {loggable.map((dataClass) => (
                <option key={dataClass.key} value={dataClass.key}>
                  {dataClass.name}
                </option>
              ))}
            </select>
          </div>
          <p id="max-logged-data-class-hint" className="text-xs text-slate-500">
            A request above this class keeps only its keyed hash and finding counts, whatever its feature allows. Restricted prompts are never stored.
          </p>
          {error("maxLoggedDataClassKey", "max-logged-data-class")}
        </section>

        <fieldset className="space-y-2 px-5 py-4" data-testid="answer-masking" aria-describedby="masked-answer-findings-hint">
          <legend className="float-left mb-2 w-full text-sm text-slate-700">Mask in model answers</legend>
          <div className="clear-both flex flex-wrap gap-x-5 gap-y-2">
            {detectors.map((detector) => {
              const checked = settings.maskedAnswerFindings.includes(detector.key as never);
              return (
                <label key={detector.key} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={disabled}
                    onChange={() => save({ maskedAnswerFindings: (checked ? settings.maskedAnswerFindings.filter((type) => type !== detector.key) : [...settings.maskedAnswerFindings, detector.key]) as DataRuleSettingsValues["maskedAnswerFindings"] })}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                  {detector.label}
                </label>
              );
            })}
          </div>
          <p id="masked-answer-findings-hint" className="text-xs text-slate-500">
            Answers are scanned as they stream; a checked type is replaced (e.g. [masked payment_card]) before it reaches the caller. The record counts what the model wrote either way.
          </p>
          {error("maskedAnswerFindings", "masked-answer-findings")}
        </fieldset>
        {form.pending ? <p className="px-5 py-2 text-xs text-slate-500">Saving…</p> : null}
        {form.formError ? (
          <div className="px-5 py-3">
            <FormAlert message={form.formError.message} stale={form.formError.stale} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}
