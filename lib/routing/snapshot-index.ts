// Lookups over one policy snapshot, built once per decision. Tier comparisons go through the
// tier's position in tierOrder(), so equal ranks still compare deterministically.
import type {
  DataClassKey,
  DataClassPolicy,
  FeaturePolicy,
  LicencePolicy,
  ModelPolicy,
  PolicySnapshot,
  ProviderPolicy,
  TierPolicy,
} from "./types";

/** Tiers cheapest first: by rank, then key (a stable order even if two ranks collide). */
export function tierOrder(snapshot: Pick<PolicySnapshot, "tiers">): TierPolicy[] {
  return [...snapshot.tiers].sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
}

export interface SnapshotIndex {
  snapshot: PolicySnapshot;
  /** Cheapest first. */
  tiers: TierPolicy[];
  tierPosition: ReadonlyMap<string, number>;
  providers: ReadonlyMap<string, ProviderPolicy>;
  licences: ReadonlyMap<string, LicencePolicy>;
  models: ReadonlyMap<string, ModelPolicy>;
  features: ReadonlyMap<string, FeaturePolicy>;
  dataClasses: ReadonlyMap<DataClassKey, DataClassPolicy>;
}

export function indexSnapshot(snapshot: PolicySnapshot): SnapshotIndex {
  const tiers = tierOrder(snapshot);
  return {
    snapshot,
    tiers,
    tierPosition: new Map(tiers.map((tier, position) => [tier.key, position])),
    providers: new Map(snapshot.providers.map((provider) => [provider.key, provider])),
    licences: new Map(snapshot.licences.map((licence) => [licence.key, licence])),
    models: new Map(snapshot.models.map((model) => [model.alias, model])),
    features: new Map(snapshot.features.map((feature) => [feature.key, feature])),
    dataClasses: new Map(snapshot.dataClasses.map((policy) => [policy.key, policy])),
  };
}

/** Tier keys in cheapest-first order, keeping only those the snapshot defines. */
export function orderTierKeys(index: SnapshotIndex, tierKeys: readonly string[]): string[] {
  return tierKeys
    .filter((key) => index.tierPosition.has(key))
    .sort((a, b) => (index.tierPosition.get(a) ?? 0) - (index.tierPosition.get(b) ?? 0));
}
