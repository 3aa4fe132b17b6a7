// Rules across a model's fields that hold wherever a model is written: the Models form's schema
// (console/models/schema.ts), its save, and the configuration document's check. Pure; it lives in
// lib/config because the document check is part of the configuration core.

interface LimitFields {
  contextWindow: number;
  maxOutputTokens?: number | null;
  longContext?: { thresholdTokens: number; inputPricePerMTok: number | null; outputPricePerMTok: number | null } | null;
}

/**
 * The longest answer fits the context window, and a long-context tier names a price.
 * `field` is relative to the model ("maxOutputTokens", "longContext").
 */
export function modelLimitProblems(model: LimitFields): Array<{ field: "maxOutputTokens" | "longContext"; message: string }> {
  const problems: Array<{ field: "maxOutputTokens" | "longContext"; message: string }> = [];
  if (typeof model.maxOutputTokens === "number" && model.maxOutputTokens > model.contextWindow) {
    problems.push({ field: "maxOutputTokens", message: `The max output (${model.maxOutputTokens} tokens) cannot exceed the context window (${model.contextWindow}).` });
  }
  if (model.longContext && model.longContext.inputPricePerMTok === null && model.longContext.outputPricePerMTok === null) {
    problems.push({ field: "longContext", message: "A long-context tier needs an input price, an output price or both." });
  }
  return problems;
}
