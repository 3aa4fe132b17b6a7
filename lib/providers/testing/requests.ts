// Canonical requests for tests, written the short way: textRequest([["system", "Be brief."], ["user", "Hi"]]).
import { textOf } from "@/lib/canonical/text";
import type { CanonicalParameters, CanonicalRequest, CanonicalResult } from "@/lib/canonical/types";

export function textRequest(turns: Array<[role: "system" | "user" | "assistant", text: string]>, parameters: CanonicalParameters = {}): CanonicalRequest {
  return {
    messages: turns.map(([role, text]) => ({ role, content: [{ type: "text" as const, text }] })),
    tools: [],
    outputFormat: { type: "text" },
    parameters,
    openaiExtras: {},
  };
}

/** The answer's text parts, concatenated. */
export function resultText(result: Pick<CanonicalResult, "content">): string {
  return textOf(result.content);
}
