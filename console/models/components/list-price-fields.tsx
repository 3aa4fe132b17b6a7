"use client";
import { Field } from "@/components/ui/field";
import type { ModelFormValues } from "../model-form-values";

interface Props {
  id: (name: string) => string;
  values: ModelFormValues;
  errors: Record<string, string>;
  onChange: (patch: Partial<ModelFormValues>) => void;
}

const price = { type: "number", min: 0, step: "0.000001", inputMode: "decimal", placeholder: "unknown" } as const;

/** A price-list model's prices: input and output, prompt-cache reads and writes, and an optional long-context tier. */
export function ListPriceFields({ id, values, errors, onChange }: Props) {
  const threshold = Number(values.longContextThreshold);
  const window = Number(values.contextWindow);
  const neverApplies = values.longContextOn && Number.isFinite(threshold) && Number.isFinite(window) && threshold > 0 && window > 0 && threshold >= window;
  return (
    <>
      <Field id={id("input-price")} label="Input price / 1M tokens" {...price} value={values.inputPrice} onChange={(event) => onChange({ inputPrice: event.target.value })} error={errors["pricing.inputPricePerMTok"]} />
      <Field id={id("output-price")} label="Output price / 1M tokens" {...price} value={values.outputPrice} onChange={(event) => onChange({ outputPrice: event.target.value })} error={errors["pricing.outputPricePerMTok"]} />
      <Field
        id={id("cached-price")}
        label="Cached input / 1M tokens"
        {...price}
        placeholder="as input"
        value={values.cachedInputPrice}
        onChange={(event) => onChange({ cachedInputPrice: event.target.value })}
        error={errors["pricing.cachedInputPricePerMTok"]}
      />
      <Field
        id={id("cache-write-price")}
        label="Cache write / 1M tokens"
        {...price}
        placeholder="as input"
        value={values.cacheWritePrice}
        onChange={(event) => onChange({ cacheWritePrice: event.target.value })}
        error={errors["pricing.cacheWritePricePerMTok"]}
      />
      <p className="col-span-full -mt-1 text-xs text-slate-500">
        Leave a price blank when it is unknown: such requests are counted, never priced at zero. Blank cache prices charge cached tokens as plain input.
      </p>

      <div className="col-span-full rounded-md border border-slate-200 bg-white p-3">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input id={id("long-context")} type="checkbox" checked={values.longContextOn} onChange={(event) => onChange({ longContextOn: event.target.checked })} className="size-4 rounded border-slate-300 accent-slate-900" />
          Long-context price tier
          <span className="font-normal text-slate-500">— above a prompt size the whole request costs other prices</span>
        </label>
        {values.longContextOn ? (
          <div className="mt-3 grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-3">
            <Field
              id={id("long-context-threshold")}
              label="Above (input tokens)"
              type="number"
              min={1}
              step={1}
              value={values.longContextThreshold}
              onChange={(event) => onChange({ longContextThreshold: event.target.value })}
              error={errors["pricing.longContext.thresholdTokens"]}
            />
            <Field
              id={id("long-context-input")}
              label="Input / 1M tokens"
              {...price}
              value={values.longContextInputPrice}
              onChange={(event) => onChange({ longContextInputPrice: event.target.value })}
              error={errors["pricing.longContext.inputPricePerMTok"]}
            />
            <Field
              id={id("long-context-output")}
              label="Output / 1M tokens"
              {...price}
              value={values.longContextOutputPrice}
              onChange={(event) => onChange({ longContextOutputPrice: event.target.value })}
              error={errors["pricing.longContext.outputPricePerMTok"]}
            />
            {neverApplies ? <p className="col-span-full text-xs text-amber-800">The threshold is not below the context window, so this tier never applies to a request the model accepts.</p> : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
