import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsd } from "@/lib/format";
import type { Candidate, Rejection } from "@/lib/routing/types";

export interface DecisionDetailsData {
  candidates: Candidate[];
  rejected: Rejection[];
  trace: string[];
  simulatedProviderKeys: string[];
}

const REASON_LABEL: Record<Rejection["reason"], string> = {
  data_class: "data class",
  region: "region",
  context_window: "context window",
  capability: "capability",
  difficulty: "difficulty",
  rule: "routing rule",
  pin: "pin",
  budget: "budget",
  licence: "licence",
  circuit_open: "provider down",
  rate_limit: "rate limit",
  disabled: "disabled",
};

function Section({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <section className="border-t border-slate-100 px-5 py-4">
      <h3 className="text-sm font-semibold text-slate-900">
        {title}
        {count !== undefined ? <span className="ml-1.5 font-normal text-slate-500">({count})</span> : null}
      </h3>
      <div className="mt-2">{children}</div>
    </section>
  );
}

/** Candidates in the order the gateway tries them, every rejection with its reason, and the trace. */
export function DecisionDetails({ data }: { data: DecisionDetailsData }) {
  const simulated = new Set(data.simulatedProviderKeys);
  return (
    <>
      <Section title="Candidates, in the order they would be tried" count={data.candidates.length}>
        {data.candidates.length === 0 ? (
          <p className="text-sm text-slate-500">No model may serve this request.</p>
        ) : (
          <div className="-mx-5">
            <Table label="Candidates">
              <thead>
                <tr>
                  <Th className="w-10 text-right">#</Th>
                  <Th>Model</Th>
                  <Th>Tier</Th>
                  <Th>Provider</Th>
                  <Th className="text-right">Est. cost</Th>
                </tr>
              </thead>
              <tbody>
                {data.candidates.map((candidate, index) => (
                  <tr key={candidate.alias} data-testid={`candidate-${candidate.alias}`}>
                    <Td className="text-right tabular-nums">{index + 1}</Td>
                    <Td>
                      <span className="font-mono">{candidate.alias}</span>
                      {simulated.has(candidate.providerKey) ? (
                        <span className="ml-1.5">
                          <Badge tone="simulated">Simulated</Badge>
                        </span>
                      ) : null}
                    </Td>
                    <Td>{candidate.tierKey}</Td>
                    <Td className="font-mono text-xs">{candidate.providerKey}</Td>
                    <Td className="text-right tabular-nums">{candidate.estimatedCostUsd === null ? "no price" : formatUsd(candidate.estimatedCostUsd, { precise: true })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Section>
      <Section title="Rejected" count={data.rejected.length}>
        {data.rejected.length === 0 ? (
          <p className="text-sm text-slate-500">
            {data.candidates.length > 0 ? "Every enabled model stayed a candidate." : "None: the request was refused before models were compared (see the trace)."}
          </p>
        ) : (
          <ul className="space-y-1.5 text-sm" aria-label="Rejections">
            {data.rejected.map((rejection) => (
              <li key={`${rejection.alias}:${rejection.reason}`} className="flex flex-wrap items-baseline gap-x-2" data-testid={`rejection-${rejection.alias}`}>
                <span className="font-mono text-slate-900">{rejection.alias}</span>
                <Badge tone="warning">{REASON_LABEL[rejection.reason] ?? rejection.reason}</Badge>
                <span className="text-slate-600">{rejection.detail}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Decision trace">
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700" data-testid="decision-trace">
          {data.trace.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      </Section>
    </>
  );
}
