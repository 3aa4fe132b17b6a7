"use client";
import { useState, type FormEvent } from "react";
import { saveDifficultyMapAction } from "@/console/routing/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FormStatus } from "@/components/ui/form/form-status";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { SelectField } from "@/components/ui/select-field";
import type { RoutingEditor } from "@/console/routing/server/load-routing-editor";
import { difficultyMapSchema } from "@/console/routing/schema";
import { DIFFICULTIES, type Difficulty } from "@/lib/routing/types";

const HINTS: Record<Difficulty, string> = { routine: "Summaries, extraction, classification", standard: "Drafting, everyday code", hard: "Multi-step reasoning, high stakes" };

/** Difficulty → the cheapest tier that may answer; read-only for roles that cannot edit. */
export function DifficultyMapEditor({ map, tiers, canEdit }: { map: RoutingEditor["difficultyMap"]; tiers: RoutingEditor["tiers"]; canEdit: boolean }) {
  const cheapest = tiers[0]?.key ?? "";
  const [values, setValues] = useState(() => Object.fromEntries(DIFFICULTIES.map((difficulty) => [difficulty, map.tiers[difficulty] ?? cheapest])) as Record<Difficulty, string>);
  const form = useActionForm(difficultyMapSchema, saveDifficultyMapAction, { refresh: true });
  const dirty = DIFFICULTIES.some((difficulty) => values[difficulty] !== (map.tiers[difficulty] ?? cheapest));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ version: map.version, ...values });
  }

  return (
    <Card>
      <CardHeader title="Difficulty → minimum tier" description="The caller's hint, or the feature's default difficulty, sets the cheapest tier that may answer. Rules below may raise it." />
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-4 px-5 py-4" aria-label="Difficulty map">
        {DIFFICULTIES.map((difficulty) => (
          <SelectField
            key={difficulty}
            id={`difficulty-${difficulty}`}
            label={`${difficulty[0]!.toUpperCase()}${difficulty.slice(1)}`}
            className="w-60"
            title={HINTS[difficulty]}
            value={values[difficulty]}
            disabled={!canEdit}
            onChange={(event) => setValues((current) => ({ ...current, [difficulty]: event.target.value }))}
            error={form.fieldErrors[difficulty]}
          >
            {tiers.map((tier) => (
              <option key={tier.key} value={tier.key}>
                {tier.name}
              </option>
            ))}
          </SelectField>
        ))}
        {canEdit ? (
          <Button type="submit" disabled={!dirty || form.pending}>
            {form.pending ? "Saving…" : "Save map"}
          </Button>
        ) : null}
        <p className="basis-full text-xs text-slate-500">{DIFFICULTIES.map((difficulty) => `${difficulty}: ${HINTS[difficulty].toLowerCase()}`).join(" · ")}</p>
        <div className="basis-full empty:hidden">
          <FormStatus error={form.refusal} onReload={form.reload} />
        </div>
      </form>
    </Card>
  );
}
