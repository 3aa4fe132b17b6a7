// Capabilities: a request that needs tools, structured output, images or reasoning skips the
// models that lack them, and one that asks for a longer answer than a model can write skips that
// model too. Fields only OpenAI's wire can honour skip models behind other wires. The detail
// names the model and what it cannot do ("gemma-2-9b cannot call tools").
import type { ModelView, Verdict } from "../model-view";
import type { Analysis, Capability, ModelPolicy, ProviderKind } from "../types";
import { formatCount, listWords } from "../explain/wording";

const CAN_NOT: Record<Capability, string> = {
  tools: "call tools",
  structured_output: "produce structured (JSON) output",
  images: "read images",
  reasoning: "take a reasoning effort",
};

/** "call tools", "read images and call tools": what the request needs, in words. */
export function capabilityWords(capabilities: readonly Capability[]): string {
  return listWords(capabilities.map((capability) => CAN_NOT[capability]));
}

const OPENAI_WIRE: readonly ProviderKind[] = ["openai", "openai-compatible"];

export type CapabilityNeeds = Pick<Analysis, "requiredCapabilities" | "openaiOnlyFields" | "declaredOutputTokens">;

/** Why `model` (behind a provider of `kind`) cannot serve the request, or null. */
export function missingCapability(model: ModelPolicy, kind: ProviderKind | undefined, needs: CapabilityNeeds): string | null {
  const missing = needs.requiredCapabilities.filter((capability) => !model.capabilities.includes(capability));
  if (missing.length > 0) return `${model.alias} cannot ${capabilityWords(missing)}`;
  if (needs.declaredOutputTokens !== null && model.maxOutputTokens !== null && needs.declaredOutputTokens > model.maxOutputTokens) {
    return `${model.alias} writes at most ${formatCount(model.maxOutputTokens)} output tokens, fewer than the ${formatCount(needs.declaredOutputTokens)} asked for`;
  }
  if (needs.openaiOnlyFields.length > 0 && (kind === undefined || !OPENAI_WIRE.includes(kind))) {
    return `${model.alias} is not behind OpenAI's API, so it cannot honour ${listWords(needs.openaiOnlyFields)}`;
  }
  return null;
}

export function capabilityCheck(view: ModelView, needs: CapabilityNeeds): Verdict | null {
  const missing = missingCapability(view.model, view.provider?.kind, needs);
  return missing === null ? null : { reason: "capability", detail: `${missing}.` };
}
