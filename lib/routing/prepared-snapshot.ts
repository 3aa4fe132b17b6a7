// What decide() derives from the policy alone — the snapshot scoped to a model kind, its
// lookups (tiers in order, maps by key), a view per model and each model's licence review for a
// feature — made once per published version instead of on every request. The gateway prepares
// each version it loads and the what-if replay each policy it replays; a bare snapshot (tests,
// the Playground) is prepared on the spot, so decide() gives the same decision either way.
import { reviewLicence, type LicenceReview } from "./constraints/licence";
import { scopeToKind } from "./constraints/model-kind";
import { viewModels, type ModelView } from "./model-view";
import { indexSnapshot, type SnapshotIndex } from "./snapshot-index";
import type { FeaturePolicy, ModelKind, PolicySnapshot } from "./types";

export interface ScopedSnapshot {
  /** Only the models of one kind (chat or embedding). */
  snapshot: PolicySnapshot;
  index: SnapshotIndex;
  views: ModelView[];
  /** Licence reviews by feature key ("" without a feature), then by model alias; filled on first use. */
  licenceReviews: Map<string, Map<string, LicenceReview>>;
}

export interface PreparedSnapshot {
  readonly prepared: true;
  readonly snapshot: PolicySnapshot;
  /** Filled on first use of each kind. */
  readonly kinds: Map<ModelKind, ScopedSnapshot>;
}

/**
 * The snapshot must not change afterwards: a published version never does. (Tests that edit a
 * fixture between decisions pass the bare snapshot, which is prepared afresh each time.)
 */
export function prepareSnapshot(snapshot: PolicySnapshot): PreparedSnapshot {
  return { prepared: true, snapshot, kinds: new Map() };
}

export function isPrepared(policy: PolicySnapshot | PreparedSnapshot): policy is PreparedSnapshot {
  return "prepared" in policy && policy.prepared === true;
}

export function scopedSnapshot(prepared: PreparedSnapshot, kind: ModelKind): ScopedSnapshot {
  let scoped = prepared.kinds.get(kind);
  if (scoped === undefined) {
    const snapshot = scopeToKind(prepared.snapshot, kind);
    const index = indexSnapshot(snapshot);
    scoped = { snapshot, index, views: viewModels(index), licenceReviews: new Map() };
    prepared.kinds.set(kind, scoped);
  }
  return scoped;
}

/** Every model's licence review for requests of this feature (policy data only, so once per version). */
export function licenceReviewsFor(scoped: ScopedSnapshot, feature: FeaturePolicy | null): Map<string, LicenceReview> {
  const key = feature?.key ?? "";
  let reviews = scoped.licenceReviews.get(key);
  if (reviews === undefined) {
    reviews = new Map(scoped.views.map((view) => [view.model.alias, reviewLicence(view, scoped.index.licences, feature)]));
    scoped.licenceReviews.set(key, reviews);
  }
  return reviews;
}
