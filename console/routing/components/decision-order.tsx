import { Card } from "@/components/ui/card";

// The engine's order of checks (DESIGN.md "Decision semantics"), so that a reader of the rules
// knows where they sit: a rule can raise the minimum tier, never override data class or licence.
export function DecisionOrder() {
  return (
    <Card className="px-5 py-4">
      <h2 className="text-base font-semibold text-slate-900">How a request is routed</h2>
      <p className="mt-1 text-sm leading-relaxed text-slate-700">
        Each request is checked in one pass. First the <strong>data class</strong>: detectors and the feature&apos;s default raise it, and the class limits which tiers and
        regions may see the data — even on fallback. Then <strong>context</strong>: a model whose window cannot hold the prompt plus the requested output drops out.
        Then <strong>difficulty and rules</strong>: the caller&apos;s hint or the feature&apos;s default sets a minimum tier, and matching rules below may raise it, cap it or pin a
        model. Then the <strong>budget</strong>: a feature past its monthly budget is downgraded or blocked, as configured. Then the <strong>licence</strong>: models whose
        licence forbids the feature&apos;s use are excluded. Then <strong>health</strong>: providers with an open circuit breaker or an exhausted rate limit are skipped.
        What remains is tried <strong>cheapest tier first</strong>, then by priority and price; if nothing remains, the request is refused with the constraint that emptied the list.
      </p>
    </Card>
  );
}
