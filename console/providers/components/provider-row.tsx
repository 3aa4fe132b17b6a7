"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/table";
import type { ProviderView } from "@/console/providers/server/load-providers";
import { PROVIDER_KIND_LABELS } from "@/console/providers/schema";
import { ProviderForm } from "./provider-form";
import { ProviderHealthCell } from "./provider-health";
import { TestConnectionButton, TestOutcomeLine, type TestOutcome } from "./test-connection";

export const PROVIDER_COLUMNS = 6;

function Connection({ provider }: { provider: ProviderView }) {
  if (provider.kind === "simulator") {
    return (
      <span className="text-xs text-slate-500">
        {provider.simulatedLatencyMs} ms latency, {Math.round(provider.simulatedFailureRate * 100)}% failures
      </span>
    );
  }
  return (
    <div className="text-xs">
      <div className="max-w-64 truncate font-mono text-slate-600" title={provider.baseUrl ?? undefined}>
        {provider.baseUrl ?? "vendor default URL"}
      </div>
      {provider.apiKeyEnv ? (
        <div className="mt-0.5 flex items-center gap-1.5">
          <span className="font-mono text-slate-600">{provider.apiKeyEnv}</span>
          {provider.apiKeyEnvProblem ? (
            <Badge tone="warning" title={provider.apiKeyEnvProblem}>
              not allowed
            </Badge>
          ) : provider.apiKeyPresent ? (
            <Badge tone="success">set</Badge>
          ) : (
            <Badge tone="warning" title="The variable is not set in this server's environment">
              not set
            </Badge>
          )}
        </div>
      ) : (
        <div className="mt-0.5 text-slate-400">no key</div>
      )}
    </div>
  );
}

export function ProviderRow({ provider, canEdit, canChangeEndpoint }: { provider: ProviderView; canEdit: boolean; canChangeEndpoint: boolean }) {
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome | "pending" | null>(null);
  return (
    <>
      <tr className={provider.enabled ? undefined : "text-slate-400"} data-testid={`provider-${provider.key}`}>
        <Td>
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="font-medium text-slate-900">{provider.name}</span>
            {provider.kind === "simulator" ? <Badge tone="simulated">Simulated</Badge> : null}
            {provider.enabled ? null : <Badge>disabled</Badge>}
          </div>
          <div className="font-mono text-xs text-slate-400">{provider.key}</div>
        </Td>
        <Td className="text-xs">
          {PROVIDER_KIND_LABELS[provider.kind].split(" (")[0]}
          <div className="text-slate-400">region {provider.region}</div>
        </Td>
        <Td>
          <Connection provider={provider} />
        </Td>
        <Td className="text-xs text-slate-600">{provider.models.length === 0 ? <span className="text-slate-400">none</span> : provider.models.map((model) => model.alias).join(", ")}</Td>
        <Td>
          <ProviderHealthCell providerKey={provider.key} />
        </Td>
        <Td className="text-right">
          {canEdit ? (
            <div className="flex flex-col items-end gap-1.5">
              <TestConnectionButton providerKey={provider.key} providerName={provider.name} disabled={provider.models.length === 0} onOutcome={setOutcome} />
              <Button variant="ghost" className="px-2.5 py-1" aria-expanded={editing} aria-label={`Edit ${provider.name}`} onClick={() => setEditing((open) => !open)}>
                {editing ? "Close" : "Edit"}
              </Button>
            </div>
          ) : null}
        </Td>
      </tr>
      {outcome ? (
        <tr>
          <td colSpan={PROVIDER_COLUMNS} className="border-b border-slate-100 px-4 py-2" data-testid={`test-result-${provider.key}`} aria-live="polite">
            <TestOutcomeLine outcome={outcome} />
          </td>
        </tr>
      ) : null}
      {editing ? (
        <tr>
          <td colSpan={PROVIDER_COLUMNS} className="border-b border-slate-200 bg-slate-50/60 px-4 py-4">
            <ProviderForm key={provider.version} provider={provider} canChangeEndpoint={canChangeEndpoint} onDone={() => setEditing(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
