import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import type { CatalogueTier } from "@/console/models/server/load-model-catalogue";
import { AddModel } from "./add-model";
import { ModelRow, type ModelFormOptions } from "./model-row";
import { TierEditor } from "./tier-editor";

const COLUMN_WIDTHS = ["w-[15%]", "w-[14%]", "w-[15%]", "w-[7%]", "w-[10%]", "w-[10%]", "w-[15%]", "w-[6%]", "w-[8%]"];

/** A tier and its models, cheapest first within the tier. Editors get the forms; others read. */
export function TierCard({ tier, options, canEdit }: { tier: CatalogueTier; options: ModelFormOptions; canEdit: boolean }) {
  return (
    <Card data-testid={`tier-${tier.key}`}>
      <TierEditor tier={tier} modelCount={tier.models.length} canEdit={canEdit} />
      {tier.models.some((model) => model.priceSource === "hardware") ? (
        <p className="border-b border-slate-100 px-5 py-2 text-xs text-slate-600" data-testid="tier-order-note">
          Why a local model is chosen before a cheaper hosted one: tiers are tried in order — local first — then by price within a tier. Its full cost writes off the hardware; the power-only cost is what one more request adds.
        </p>
      ) : null}
      {tier.models.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No models in this tier">Requests that need this tier will be refused until a model is assigned.{canEdit ? " Add one below, or move one here from another tier." : ""}</EmptyState>
        </div>
      ) : (
        // Fixed column widths, so the three tier tables line up under each other.
        <Table label={`Models in ${tier.name}`} className="min-w-[60rem] table-fixed">
          <colgroup>
            {COLUMN_WIDTHS.map((width, index) => (
              <col key={index} className={width} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <Th>Model</Th>
              <Th>Provider</Th>
              <Th>Capabilities</Th>
              <Th className="text-right">Context</Th>
              <Th className="text-right">Input</Th>
              <Th className="text-right">Output</Th>
              <Th>Licence</Th>
              <Th className="text-right">Priority</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {tier.models.map((model) => (
              <ModelRow key={model.alias} model={model} tierKey={tier.key} options={options} canEdit={canEdit} />
            ))}
          </tbody>
        </Table>
      )}
      {canEdit ? <AddModel tierKey={tier.key} tierName={tier.name} options={options} /> : null}
    </Card>
  );
}
