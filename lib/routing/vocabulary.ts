// The words every other routing type is built from: data classes, difficulties, capabilities,
// findings. Its own file so that types.ts (the policy) and decision-types.ts (the engine's
// inputs and output) both import it and neither imports the other.

export const DATA_CLASSES = ["public", "internal", "confidential", "restricted"] as const;
export type DataClassKey = (typeof DATA_CLASSES)[number];

export const DIFFICULTIES = ["routine", "standard", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export type BudgetAction = "downgrade" | "block";

/** What a request may need from a model beyond plain text; models list what they support. */
export const CAPABILITIES = ["tools", "structured_output", "images", "reasoning"] as const;
export type Capability = (typeof CAPABILITIES)[number];
export type CommercialUse = "allowed" | "restricted" | "forbidden";
export type ProviderKind = "openai" | "anthropic" | "openai-compatible" | "simulator";
/** What a model does: answers (chat completions, Messages, Responses) or embeds (/v1/embeddings). */
export type ModelKind = "chat" | "embedding";

/** A finding keeps type, count and positions — never the matched text. */
export interface Finding {
  /** Detector or rule key, e.g. "email", "payment_card", "rule:project-codename". */
  type: string;
  count: number;
  /** [start, end) character offsets into the analysed text. */
  positions: Array<[number, number]>;
  /** The data class this finding raises the request to. */
  dataClass: DataClassKey;
}
