// What the Models & tiers forms send: one schema per form, used by the browser to check as
// the person types and by the server action before anything is written.
import { z } from "zod";
import { modelLimitProblems } from "@/lib/config/model-limits";
import { CAPABILITIES, DIFFICULTIES } from "@/lib/routing/types";
import { choiceField, numberField, optionalKeyField, optionalNumberField, optionalTextField, slugField, textField, versionField, versionOrNewField } from "@/lib/forms/fields";

// Bounds follow the database columns (Decimal(12,6) prices, Int counts) with room to spare.
const PRICE = { min: 0, max: 100_000 };

export const hardwareProfileInputSchema = z.object({
  /** The profile being edited; null creates a new one. */
  id: z.string().nullable(),
  version: versionOrNewField,
  name: textField("a profile name", 80),
  purchasePriceUsd: numberField("the purchase price", { min: 0, max: 10_000_000 }),
  amortisationMonths: numberField("the amortisation period", { min: 1, max: 240, integer: true }),
  watts: numberField("the power draw", { min: 0, max: 100_000, integer: true }),
  usdPerKwh: numberField("the electricity price", { min: 0, max: 100 }),
  tokensPerDay: numberField("the sustained tokens per day", { min: 1, max: 2_000_000_000, integer: true }),
});
export type HardwareProfileInput = z.infer<typeof hardwareProfileInputSchema>;

const TOKENS = { min: 1, max: 10_000_000, integer: true };

export const longContextInputSchema = z.object({
  thresholdTokens: numberField("the long-context threshold", TOKENS),
  inputPricePerMTok: optionalNumberField("the long-context input price", PRICE),
  outputPricePerMTok: optionalNumberField("the long-context output price", PRICE),
});

// Fields added with capabilities are optional: a caller that does not send one (an older form,
// a script) leaves the stored value as it is; a new model starts with none / null.
export const modelPricingSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("list"),
    /** Blank = unknown: such requests are counted, never priced at zero. */
    inputPricePerMTok: optionalNumberField("the input price", PRICE),
    outputPricePerMTok: optionalNumberField("the output price", PRICE),
    /** Blank = cached tokens are priced as plain input. A cache price without an input price is fine. */
    cachedInputPricePerMTok: optionalNumberField("the cached input price", PRICE).optional(),
    cacheWritePricePerMTok: optionalNumberField("the cache write price", PRICE).optional(),
    /** null = no long-context tier. */
    longContext: longContextInputSchema.nullable().optional(),
  }),
  z.object({ source: z.literal("hardware"), profile: hardwareProfileInputSchema }),
]);

export const modelInputSchema = z.object({
  /** The name apps pin; fixed once created because decision records and rules refer to it. */
  alias: slugField("the alias"),
  /** 0 creates the model. */
  version: versionOrNewField,
  providerModelId: textField("the provider's model id", 200),
  tierKey: choiceField("a tier"),
  providerKey: choiceField("a provider"),
  licenceKey: optionalKeyField(),
  enabled: z.boolean(),
  priority: numberField("the priority", { min: 0, max: 100_000, integer: true }),
  contextWindow: numberField("the context window", { min: 256, max: 10_000_000, integer: true }),
  pricing: modelPricingSchema,
  /** What the model supports; stored in CAPABILITIES order, each once. */
  capabilities: z
    .array(z.enum(CAPABILITIES, { error: "Unknown capability." }))
    .transform((list) => CAPABILITIES.filter((capability) => list.includes(capability)))
    .optional(),
  /** Blank = bounded only by the context window. */
  maxOutputTokens: optionalNumberField("the max output", TOKENS).optional(),
  /** The offline catalogue entry the values came from ("provider/model"); blank = typed by hand. */
  catalogueRef: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), z.string().trim().max(300).nullable()).optional(),
  /** chat answers every chat endpoint; embedding serves /v1/embeddings only. */
  kind: z.enum(["chat", "embedding"], { error: "Choose chat or embedding." }).optional(),
  /** Embedding models: the vector length; blank = not recorded. */
  embeddingDimensions: optionalNumberField("the dimensions", { min: 1, max: 100_000, integer: true }).optional(),
}).superRefine((model, context) => {
  const longContext = model.pricing.source === "list" ? model.pricing.longContext : undefined;
  for (const problem of modelLimitProblems({ contextWindow: model.contextWindow, maxOutputTokens: model.maxOutputTokens, longContext })) {
    context.addIssue({ code: "custom", message: problem.message, path: problem.field === "longContext" ? ["pricing", "longContext", "inputPricePerMTok"] : [problem.field] });
  }
});
export type ModelInput = z.infer<typeof modelInputSchema>;

export const tierInputSchema = z.object({
  key: z.string().min(1),
  version: versionOrNewField,
  name: textField("a name", 80),
  description: optionalTextField("the description", 1000),
});
export type TierInput = z.infer<typeof tierInputSchema>;

/** The model form's catalogue box: free text, and the provider chosen so far (its entries rank first). */
export const catalogueSearchSchema = z.object({
  query: z.string().trim().min(2, "Type at least two characters.").max(100, "Type at most 100 characters."),
  providerKey: optionalKeyField(),
});

// The model-name mapping form: a glob over the names clients send, what it routes as, and the
// difficulty it implies. Targets are checked against the working configuration on the server.
export const mappingPatternField = z
  .string()
  .trim()
  .min(1, "Enter a pattern, e.g. claude-*.")
  .max(200, "At most 200 characters.")
  .regex(/^[A-Za-z0-9._:/@[\]*-]+$/, "Use letters, digits, . _ : / @ [ ] - and * (any run of characters).");

const mappingFields = {
  pattern: mappingPatternField,
  target: z.string().trim().min(1, "Choose auto, a tier or a model.").max(200, "At most 200 characters."),
  difficulty: z.preprocess((value) => (value === "" ? null : value), z.enum(DIFFICULTIES, { message: "Choose routine, standard, hard or none." }).nullable()),
  priority: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    z.number({ message: "Priority must be a whole number." }).int("Priority must be a whole number.").min(0, "At least 0.").max(10_000, "At most 10,000."),
  ),
};

export const createMappingSchema = z.object(mappingFields);
export type CreateMappingInput = z.infer<typeof createMappingSchema>;

export const updateMappingSchema = z.object({ ...mappingFields, id: z.string().min(1), version: versionField });
export type UpdateMappingInput = z.infer<typeof updateMappingSchema>;

export const deleteMappingSchema = z.object({ id: z.string().min(1), version: versionField });
export type DeleteMappingInput = z.infer<typeof deleteMappingSchema>;
