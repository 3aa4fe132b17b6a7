"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/table";
import { powerOnlyPricePerMTok } from "@/console/models/hardware-price";
import type { CatalogueModel, ModelCatalogue } from "@/console/models/server/load-model-catalogue";
import { formatPricePerMTok, formatTokens, formatUsd } from "@/lib/format";
import { CapabilityBadges } from "./capability-badges";
import { ModelForm } from "./model-form";
import { initialModelValues } from "../model-form-values";

const COMMERCIAL_TONE = { allowed: "success", restricted: "warning", forbidden: "danger" } as const;
export const MODEL_COLUMNS = 9;

/** A secondary price under the main one: "$6.00", "—" when the tier leaves it unpriced. */
const shortPrice = (value: number | null) => (value === null ? "—" : formatUsd(value, { precise: value < 1 }));

export type ModelFormOptions = Omit<ModelCatalogue, "tiers"> & { tiers: Array<{ key: string; name: string }> };

/** One model: its row, and for editors an Edit button that opens the form right under it. */
export function ModelRow({ model, tierKey, options, canEdit }: { model: CatalogueModel; tierKey: string; options: ModelFormOptions; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const profile = model.priceSource === "hardware" ? options.hardwareProfiles.find((candidate) => candidate.id === model.hardwareProfileId) : undefined;
  const powerOnly = profile ? powerOnlyPricePerMTok(profile) : null;
  return (
    <>
      {/* The Edit button is named "Edit" and described by the alias, so the row's cells keep plain names. */}
      <tr className={model.enabled ? undefined : "text-slate-400"} data-testid={`model-${model.alias}`}>
        <Td>
          <div className="flex flex-wrap items-center gap-1.5">
            <span id={`model-${model.alias}-alias`} className="font-medium wrap-anywhere text-slate-900">
              {model.alias}
            </span>
            {model.isBaseline ? <Badge tone="info" title="Costs are compared against this model">baseline</Badge> : null}
            {model.enabled ? null : <Badge>disabled</Badge>}
            {model.kind === "embedding" ? <Badge title="Serves /v1/embeddings only">embedding{model.embeddingDimensions ? ` · ${model.embeddingDimensions} dims` : ""}</Badge> : null}
          </div>
          <div className="font-mono text-xs wrap-anywhere text-slate-400">{model.providerModelId}</div>
        </Td>
        <Td>
          <div className="flex flex-wrap items-center gap-1.5">
            <span>{model.provider.name}</span>
            {model.provider.kind === "simulator" ? <Badge tone="simulated">Simulated</Badge> : null}
          </div>
          <div className="text-xs text-slate-400">region {model.provider.region}</div>
        </Td>
        <Td>
          <CapabilityBadges capabilities={model.capabilities} />
          {model.catalogueRef ? (
            <div className="mt-1 truncate text-[11px] text-slate-400" title={`Values from the offline catalogue entry ${model.catalogueRef}`}>
              from {model.catalogueRef}
            </div>
          ) : null}
        </Td>
        <Td className="text-right tabular-nums">
          {formatTokens(model.contextWindow)}
          {model.maxOutputTokens !== null ? <div className="text-xs whitespace-nowrap text-slate-400">out {formatTokens(model.maxOutputTokens)}</div> : null}
        </Td>
        <Td className="text-right whitespace-nowrap tabular-nums" title={model.priceSource === "hardware" ? `Effective price from ${model.hardwareProfileName}` : undefined}>
          {formatPricePerMTok(model.inputPricePerMTok)}
          {model.priceSource === "hardware" ? <div className="text-xs text-slate-400">hardware, full cost</div> : null}
          {powerOnly !== null ? (
            <div className="text-xs text-slate-500" data-testid="marginal-cost" title="Marginal cost: the power one more token draws, with the hardware already bought. Routing charges the full cost.">
              power only {formatPricePerMTok(powerOnly)}
            </div>
          ) : null}
          {model.priceSource !== "hardware" && model.cachedInputPricePerMTok !== null ? <div className="text-xs text-slate-400" title="Cached input, per 1M tokens">
              cached {formatUsd(model.cachedInputPricePerMTok, { precise: model.cachedInputPricePerMTok < 1 })}
            </div> : null}
          {model.priceSource !== "hardware" && model.longContext ? (
            <div className="text-xs text-slate-400" title={`Per 1M tokens when the prompt is above ${model.longContext.thresholdTokens} input tokens`}>
              &gt;{formatTokens(model.longContext.thresholdTokens)} {shortPrice(model.longContext.inputPricePerMTok)}
            </div>
          ) : null}
        </Td>
        <Td className="text-right whitespace-nowrap tabular-nums">
          {formatPricePerMTok(model.outputPricePerMTok)}
          {model.priceSource !== "hardware" && model.longContext ? (
            <div className="text-xs text-slate-400" title={`Per 1M tokens when the prompt is above ${model.longContext.thresholdTokens} input tokens`}>
              &gt;{formatTokens(model.longContext.thresholdTokens)} {shortPrice(model.longContext.outputPricePerMTok)}
            </div>
          ) : null}
        </Td>
        <Td>
          {model.licence ? (
            <div className="flex flex-col items-start gap-1">
              <span>{model.licence.name}</span>
              <Badge tone={COMMERCIAL_TONE[model.licence.commercialUse as keyof typeof COMMERCIAL_TONE] ?? "neutral"}>commercial use {model.licence.commercialUse}</Badge>
            </div>
          ) : (
            <span className="text-slate-400">none recorded</span>
          )}
        </Td>
        <Td className="text-right tabular-nums">{model.priority}</Td>
        <Td className="text-right">
          {canEdit ? (
            <Button variant="secondary" className="px-2.5 py-1" aria-expanded={editing} aria-describedby={`model-${model.alias}-alias`} onClick={() => setEditing((open) => !open)}>
              {editing ? "Close" : "Edit"}
            </Button>
          ) : null}
        </Td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={MODEL_COLUMNS} className="border-b border-slate-200 bg-slate-50/60 px-4 py-4">
            {/* Keyed by version: after a reload the form reopens on the latest values. */}
            <ModelForm key={model.version} version={model.version} initial={initialModelValues(model, tierKey, options.hardwareProfiles)} options={options} onDone={() => setEditing(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
