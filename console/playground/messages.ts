// The playground's form as a canonical request: an empty system box sends no system message,
// and "offer a sample tool" adds one tool definition so the trace shows how tool traffic routes
// (the simulator calls it deterministically; a real model decides for itself).
import type { CanonicalRequest, ToolDefinition } from "@/lib/canonical/types";

export const SAMPLE_TOOL: ToolDefinition = {
  name: "lookup_order",
  description: "Look up an order by its id and return its status, items and delivery date.",
  parameters: { type: "object", properties: { order_id: { type: "string", description: "The order id, e.g. A-1042" } }, required: ["order_id"], additionalProperties: false },
};

export function playgroundRequest(input: { system: string; user: string; maxOutputTokens: number | null; offerTool?: boolean }): CanonicalRequest {
  return {
    messages: [
      ...(input.system.trim() === "" ? [] : [{ role: "system" as const, content: [{ type: "text" as const, text: input.system }] }]),
      { role: "user" as const, content: [{ type: "text" as const, text: input.user }] },
    ],
    tools: input.offerTool ? [SAMPLE_TOOL] : [],
    outputFormat: { type: "text" },
    parameters: input.maxOutputTokens !== null ? { maxOutputTokens: input.maxOutputTokens } : {},
    openaiExtras: {},
  };
}
