"use client";
import { setDetectorRuleAction } from "@/console/data-rules/actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { Table, Td, Th } from "@/components/ui/table";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { detectorRuleSchema } from "@/console/data-rules/schema";
import type { DataClassKey } from "@/lib/routing/types";
import type { DataClassChoice, DetectorSetting } from "../data-rules-view";

/** One built-in detector: on/off and the class it raises to, each saved as soon as it changes. */
function DetectorRow({ setting, classes }: { setting: DetectorSetting; classes: DataClassChoice[] }) {
  const form = useActionForm(detectorRuleSchema, setDetectorRuleAction);
  const enabled = setting.rule?.enabled ?? false;
  const dataClassKey = setting.rule?.dataClassKey ?? setting.defaultDataClass;
  const save = (change: { enabled?: boolean; dataClassKey?: DataClassKey }) =>
    form.submit({ detector: setting.detector, enabled, dataClassKey, version: setting.rule?.version ?? null, ...change });
  const id = `detector-${setting.detector}`;

  return (
    <tr data-testid={id} className={enabled ? undefined : "bg-slate-50/60"}>
      <Td>
        <div className="font-medium text-slate-900">{setting.label}</div>
        <div className="font-mono text-xs text-slate-400">{setting.detector}</div>
        {form.formError ? (
          <div className="mt-2">
            <FormAlert message={form.formError.message} stale={form.formError.stale} />
          </div>
        ) : null}
      </Td>
      <Td>
        <label htmlFor={`${id}-class`} className="sr-only">
          {setting.label} raises to
        </label>
        <select
          id={`${id}-class`}
          value={dataClassKey}
          disabled={form.pending}
          onChange={(event) => save({ dataClassKey: event.target.value as DataClassKey })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {classes.map((dataClass) => (
            <option key={dataClass.key} value={dataClass.key}>
              {dataClass.name}
            </option>
          ))}
        </select>
      </Td>
      <Td>
        <div className="flex items-center gap-3">
          <span className="w-10">{enabled ? <Badge tone="success">on</Badge> : <Badge>off</Badge>}</span>
          <button
            type="button"
            role="switch"
            aria-checked={enabled}
            aria-label={`${setting.label} detector`}
            disabled={form.pending}
            onClick={() => save({ enabled: !enabled })}
            className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50 ${enabled ? "bg-emerald-600" : "bg-slate-300"}`}
          >
            <span className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${enabled ? "translate-x-4.5" : "translate-x-0.5"}`} />
          </button>
        </div>
      </Td>
    </tr>
  );
}

export function DetectorsCard({ settings, classes }: { settings: DetectorSetting[]; classes: DataClassChoice[] }) {
  return (
    <Card>
      <CardHeader
        title="Built-in detectors"
        description="Checksummed detectors for personal data and secrets. A detector that finds something raises the request to its class; switched off, it finds nothing."
      />
      <Table label="Built-in detectors">
        <thead>
          <tr>
            <Th>Detector</Th>
            <Th className="w-48">Raises to</Th>
            <Th className="w-40">State</Th>
          </tr>
        </thead>
        <tbody>
          {settings.map((setting) => (
            <DetectorRow key={setting.detector} setting={setting} classes={classes} />
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
