import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiKeyRow } from "@/console/api-keys/server/list-api-keys";
import { formatDateTime, formatInteger } from "@/lib/format";
import { ApiKeyButtons } from "./api-key-buttons";
import type { FeatureOption } from "./api-key-form";

export function ApiKeysTable({ keys, features, loadedAt }: { keys: ApiKeyRow[]; features: FeatureOption[]; loadedAt: string }) {
  return (
    <Card>
      <Table label="API keys">
        <thead>
          <tr>
            <Th className="min-w-44">Key</Th>
            <Th>Features</Th>
            <Th>Rate limit</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th className="w-40">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            // A revoked key is told apart by its tinted row, struck name and badge, not by fading it:
            // faded text fell to 2.5–3.4:1 against its background, below the 4.5:1 AA asks for.
            <tr key={key.id} className={key.revokedAt ? "bg-slate-50" : undefined} data-testid={`api-key-${key.prefix}`}>
              <Td>
                <div className="flex flex-wrap items-center gap-1.5">
                  <span className={key.revokedAt ? "font-medium text-slate-700 line-through decoration-slate-500" : "font-medium text-slate-900"}>{key.name}</span>
                  {key.revokedAt ? <Badge tone="danger" title={`Revoked ${formatDateTime(key.revokedAt)}`}>revoked</Badge> : null}
                </div>
                <div className="font-mono text-xs text-slate-500">{key.prefix}…</div>
              </Td>
              <Td>
                {key.features.length === 0 ? (
                  <span className="text-amber-800">any feature</span>
                ) : (
                  <div className="flex flex-wrap gap-1">
                    {key.features.map((feature) => (
                      <Badge key={feature.key} tone={feature.key === key.defaultFeatureKey ? "info" : "neutral"} title={feature.name}>
                        {feature.key}
                        {feature.key === key.defaultFeatureKey ? " (default)" : ""}
                      </Badge>
                    ))}
                  </div>
                )}
                {key.defaultFeatureKey === null ? <div className="mt-0.5 text-xs text-slate-500">no default feature</div> : null}
              </Td>
              <Td className="tabular-nums">{key.rateLimitPerMinute === null ? <span className="text-slate-500">unlimited</span> : `${formatInteger(key.rateLimitPerMinute)} / min`}</Td>
              <Td>
                {/* Dates on one line: squeezed on a phone, they otherwise wrap a word per line. */}
                <div className="whitespace-nowrap">{formatDateTime(key.createdAt)}</div>
                <div className="text-xs text-slate-500">{key.createdBy ? `by ${key.createdBy}` : "by the seed"}</div>
              </Td>
              <Td className="whitespace-nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span className="text-slate-500">never</span>}</Td>
              <Td>
                {key.revokedAt ? (
                  <div className="text-right text-xs text-slate-500">revoked {formatDateTime(key.revokedAt)}</div>
                ) : (
                  <ApiKeyButtons apiKey={key} features={features} loadedAt={loadedAt} />
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
