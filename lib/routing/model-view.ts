// A model together with the policy records every check needs (its provider, its tier's
// position), and the shape of a check's answer.
import type { SnapshotIndex } from "./snapshot-index";
import type { ModelPolicy, ProviderPolicy, RejectionReason } from "./types";

export interface ModelView {
  model: ModelPolicy;
  /** Undefined when the model names a provider the snapshot lacks (then it is never called). */
  provider: ProviderPolicy | undefined;
  /** Position in tierOrder(); undefined when the model names a tier the snapshot lacks. */
  tierPosition: number | undefined;
}

/** Why one check removes one model. */
export interface Verdict {
  reason: RejectionReason;
  detail: string;
}

export function viewModels(index: SnapshotIndex): ModelView[] {
  return index.snapshot.models.map((model) => ({
    model,
    provider: index.providers.get(model.providerKey),
    tierPosition: index.tierPosition.get(model.tierKey),
  }));
}
