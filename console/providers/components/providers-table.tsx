"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import type { ProviderView } from "@/console/providers/server/load-providers";
import { ProviderForm } from "./provider-form";
import { ProviderRow } from "./provider-row";

export function ProvidersTable({ providers, canEdit, canChangeEndpoint }: { providers: ProviderView[]; canEdit: boolean; canChangeEndpoint: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <Card>
      <CardHeader
        title="Providers"
        description="Health is the gateway's own circuit breaker, refreshed every few seconds. Test connection calls the provider's first model with a tiny prompt, using the working configuration."
        actions={
          canEdit && !adding ? (
            <Button variant="secondary" className="whitespace-nowrap" onClick={() => setAdding(true)}>
              Add provider
            </Button>
          ) : null
        }
      />
      {adding ? (
        <div className="border-b border-slate-100 bg-slate-50/60 px-5 py-4">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">New provider</h3>
          <ProviderForm provider={null} canChangeEndpoint={canChangeEndpoint} onDone={() => setAdding(false)} />
        </div>
      ) : null}
      {providers.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No providers yet">Add one{canEdit ? " above" : ""}, or run npm run db:seed for a simulated provider per tier.</EmptyState>
        </div>
      ) : (
        <Table label="Providers">
          <thead>
            <tr>
              <Th>Provider</Th>
              <Th>Kind</Th>
              <Th>Connection</Th>
              <Th>Models</Th>
              <Th>Health</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {providers.map((provider) => (
              <ProviderRow key={provider.key} provider={provider} canEdit={canEdit} canChangeEndpoint={canChangeEndpoint} />
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
