// Context windows: the prompt plus the output the caller asked for must fit. This is what
// moves long work off the local tier (~8k windows) to hosted open-weight models.
import type { ModelView, Verdict } from "../model-view";
import type { Analysis } from "../types";
import { formatCount } from "../explain/wording";

export function tokensNeeded(analysis: Pick<Analysis, "estimatedPromptTokens" | "requestedOutputTokens">): number {
  return analysis.estimatedPromptTokens + analysis.requestedOutputTokens;
}

export function fitsContext({ model }: ModelView, analysis: Analysis): boolean {
  return tokensNeeded(analysis) <= model.contextWindow;
}

export function contextCheck(view: ModelView, analysis: Analysis): Verdict | null {
  if (fitsContext(view, analysis)) return null;
  return {
    reason: "context_window",
    detail: `${formatCount(analysis.estimatedPromptTokens)} prompt + ${formatCount(analysis.requestedOutputTokens)} output tokens exceed its ${formatCount(view.model.contextWindow)}-token window.`,
  };
}
