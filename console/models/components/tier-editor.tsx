"use client";
import { useState, type FormEvent } from "react";
import { updateTierAction } from "@/console/models/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form/form-footer";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { TextareaField } from "@/components/ui/textarea-field";
import { tierInputSchema } from "@/console/models/schema";

interface TierHead {
  key: string;
  name: string;
  description: string;
  rank: number;
  version: number;
}

function TierForm({ tier, onDone }: { tier: TierHead; onDone: () => void }) {
  const [name, setName] = useState(tier.name);
  const [description, setDescription] = useState(tier.description);
  const form = useActionForm(tierInputSchema, updateTierAction, { onSuccess: onDone, refresh: true });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit({ key: tier.key, version: tier.version, name, description });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Edit tier ${tier.key}`}>
      <Field id={`tier-${tier.key}-name`} label="Name" value={name} onChange={(event) => setName(event.target.value)} error={form.fieldErrors.name} />
      <TextareaField id={`tier-${tier.key}-description`} label="Description" rows={2} value={description} onChange={(event) => setDescription(event.target.value)} error={form.fieldErrors.description} />
      <FormFooter form={form} onCancel={onDone} saveLabel="Save tier" inline />
    </form>
  );
}

/** The tier's heading; editors can rename it and rewrite its description in place. */
export function TierEditor({ tier, modelCount, canEdit }: { tier: TierHead; modelCount: number; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="border-b border-slate-100 px-5 py-4">
      {editing ? (
        <TierForm key={tier.version} tier={tier} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
          <div className="min-w-0 grow basis-60">
            <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
              {tier.name}
              <span className="font-mono text-xs font-normal text-slate-400">{tier.key}</span>
            </h2>
            <p className="mt-0.5 text-sm text-slate-500">{tier.description}</p>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            <Badge>rank {tier.rank}</Badge>
            <Badge>
              {modelCount} model{modelCount === 1 ? "" : "s"}
            </Badge>
            {canEdit ? (
              <Button variant="ghost" className="px-2.5 py-1" aria-label={`Edit tier ${tier.name}`} onClick={() => setEditing(true)}>
                Edit tier
              </Button>
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}
