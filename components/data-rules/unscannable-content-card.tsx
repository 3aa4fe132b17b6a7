"use client";
import { updateDataRuleSettingsAction } from "@/app/(console)/data-rules/actions";
import { Card, CardHeader } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import { dataRuleSettingsSchema } from "@/lib/config/data-rule-settings-schema";
import type { DataClassRow, DataRuleSettingsView } from "@/lib/config/list-data-classes";

/**
 * "Content that cannot be scanned (images) is at least <class>": the detectors read text only,
 * so a request carrying an image is raised to this class whatever its text says. Saved as soon
 * as it changes (like a detector's class); the gateway applies it after Publish.
 */
export function UnscannableContentCard({ settings, classes, canEdit }: { settings: DataRuleSettingsView; classes: DataClassRow[]; canEdit: boolean }) {
  const form = useActionForm(dataRuleSettingsSchema, updateDataRuleSettingsAction, () => undefined);
  const chosen = classes.find((dataClass) => dataClass.key === settings.unscannableDataClassKey);
  const id = "unscannable-data-class";
  return (
    <Card data-testid="unscannable-content">
      <CardHeader title="Content the detectors cannot read" description="Detectors and rules read text. Images cannot be checked for personal data, so a request that carries one is raised to at least this class." />
      <div className="space-y-2 px-5 py-4">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm text-slate-700">
          <label htmlFor={id}>Content that cannot be scanned (images) is at least</label>
          <select
            id={id}
            value={settings.unscannableDataClassKey}
            disabled={!canEdit || form.pending}
            aria-describedby={form.fieldErrors.unscannableDataClassKey ? `${id}-error` : `${id}-hint`}
            onChange={(event) => form.submit({ version: settings.version, unscannableDataClassKey: event.target.value })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-500"
          >
            {classes.map((dataClass) => (
              <option key={dataClass.key} value={dataClass.key}>
                {dataClass.name}
              </option>
            ))}
          </select>
          {form.pending ? <span className="text-xs text-slate-500">Saving…</span> : null}
        </div>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {chosen
            ? chosen.tiers.length > 0
              ? `Requests with images may then use ${chosen.tiers.map((tier) => tier.name).join(", ")}${chosen.allowedRegions.length > 0 ? ` (regions ${chosen.allowedRegions.join(", ")})` : ""}, and only models switched on for images.`
              : "That class may use no tier: every request with an image is refused."
            : null}
        </p>
        {form.fieldErrors.unscannableDataClassKey ? (
          <p id={`${id}-error`} className="text-sm text-red-600">
            {form.fieldErrors.unscannableDataClassKey}
          </p>
        ) : null}
        {form.formError ? <FormAlert message={form.formError.message} stale={form.formError.stale} /> : null}
      </div>
    </Card>
  );
}
