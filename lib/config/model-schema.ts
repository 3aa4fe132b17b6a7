// What the Models & tiers forms send: one schema per form, used by the browser to check as
// the person types and by the server action before anything is written.
import { z } from "zod";
import { keyField, numberField, optionalKeyField, optionalNumberField, optionalTextField, slugField, textField, versionField } from "./form-fields";

// Bounds follow the database columns (Decimal(12,6) prices, Int counts) with room to spare.
const PRICE = { min: 0, max: 100_000 };

export const hardwareProfileInputSchema = z.object({
  /** The profile being edited; null creates a new one. */
  id: z.string().nullable(),
  version: versionField,
  name: textField("a profile name", 80),
  purchasePriceUsd: numberField("the purchase price", { min: 0, max: 10_000_000 }),
  amortisationMonths: numberField("the amortisation period", { min: 1, max: 240, integer: true }),
  watts: numberField("the power draw", { min: 0, max: 100_000, integer: true }),
  usdPerKwh: numberField("the electricity price", { min: 0, max: 100 }),
  tokensPerDay: numberField("the sustained tokens per day", { min: 1, max: 2_000_000_000, integer: true }),
});
export type HardwareProfileInput = z.infer<typeof hardwareProfileInputSchema>;

export const modelPricingSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("list"),
    /** Blank = unknown: such requests are counted, never priced at zero. */
    inputPricePerMTok: optionalNumberField("the input price", PRICE),
    outputPricePerMTok: optionalNumberField("the output price", PRICE),
  }),
  z.object({ source: z.literal("hardware"), profile: hardwareProfileInputSchema }),
]);

export const modelInputSchema = z.object({
  /** The name apps pin; fixed once created because decision records and rules refer to it. */
  alias: slugField("the alias"),
  /** 0 creates the model. */
  version: versionField,
  providerModelId: textField("the provider's model id", 200),
  tierKey: keyField("a tier"),
  providerKey: keyField("a provider"),
  licenceKey: optionalKeyField(),
  enabled: z.boolean(),
  priority: numberField("the priority", { min: 0, max: 100_000, integer: true }),
  contextWindow: numberField("the context window", { min: 256, max: 10_000_000, integer: true }),
  pricing: modelPricingSchema,
});
export type ModelInput = z.infer<typeof modelInputSchema>;

export const tierInputSchema = z.object({
  key: z.string().min(1),
  version: versionField,
  name: textField("a name", 80),
  description: optionalTextField("the description", 1000),
});
export type TierInput = z.infer<typeof tierInputSchema>;
