import "server-only";
import { compileRules, type CompiledRules } from "@/lib/detectors";
import { getDb } from "@/lib/db";
import { apiError } from "@/lib/http/api-error";
import type { AnswerRules } from "../pipeline/answer-guard";
import { onEvent } from "./cluster-events";
import { reportDatabaseDown, reportDatabaseUp } from "./database-status";
import { readStoredSnapshot } from "@/lib/routing/stored-snapshot";
import { prepareSnapshot, type PreparedSnapshot } from "@/lib/routing";
import type { FeaturePolicy, ModelPolicy, PolicySnapshot, ProviderPolicy } from "@/lib/routing/types";

/** A published policy version, ready for the hot path: indexes built and rules compiled once. */
export interface LoadedPolicy {
  snapshot: PolicySnapshot;
  /** What decide() derives from the snapshot alone, made once for this version (lib/routing/prepared-snapshot.ts). */
  prepared: PreparedSnapshot;
  detectors: CompiledRules;
  features: Map<string, FeaturePolicy>;
  models: Map<string, ModelPolicy>;
  providers: Map<string, ProviderPolicy>;
  /** Detectors and masked finding types for scanning answers (lib/gateway/pipeline/answer-guard.ts). */
  answerRules: AnswerRules;
}

export function preparePolicy(snapshot: PolicySnapshot): LoadedPolicy {
  const detectors = compileRules(snapshot.classificationRules);
  return {
    snapshot,
    prepared: prepareSnapshot(snapshot),
    detectors,
    answerRules: { detectors, masked: new Set(snapshot.maskedAnswerFindings) },
    features: new Map(snapshot.features.map((feature) => [feature.key, feature])),
    models: new Map(snapshot.models.map((model) => [model.alias, model])),
    providers: new Map(snapshot.providers.map((provider) => [provider.key, provider])),
  };
}

/**
 * Serves the latest published policy from memory. A background check (one indexed query per
 * interval) notices a newer version and swaps it in, so a publish takes effect within the
 * interval without a restart and requests never read the configuration tables.
 */
export class PolicyStore {
  private loaded: LoadedPolicy | null = null;
  private loading: Promise<LoadedPolicy | null> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly refreshMs = 1_000) {}

  async current(): Promise<LoadedPolicy> {
    if (!this.loaded) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      await this.loading;
      this.startRefreshing();
    }
    if (!this.loaded) {
      throw apiError("no_policy", "No routing policy has been published yet. Publish one in the console (or run npm run db:seed).");
    }
    return this.loaded;
  }

  /** The version in memory, or null before the first load succeeded. */
  loadedVersion(): number | null {
    return this.loaded?.snapshot.version ?? null;
  }

  /** Checks for a newer version now (the console calls this right after publishing). */
  async refresh(): Promise<void> {
    const latest = await getDb().policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
    if (latest && latest.number !== this.loaded?.snapshot.version) await this.load();
  }

  private async load(): Promise<LoadedPolicy | null> {
    const row = await getDb().policyVersion.findFirst({ orderBy: { number: "desc" } });
    if (!row) return null;
    const snapshot = readStoredSnapshot(row.snapshot, row.number);
    this.loaded = preparePolicy(snapshot);
    return this.loaded;
  }

  private startRefreshing() {
    if (this.timer) return;
    const check = () =>
      this.refresh()
        .then(reportDatabaseUp)
        // Logged once per outage there; meanwhile the last version keeps serving.
        .catch((error: unknown) => reportDatabaseDown(error, "refreshing the published policy"));
    this.timer = setInterval(check, this.refreshMs);
    this.timer.unref?.();
    // Another instance published: check now rather than at the next tick.
    onEvent("policy-published", () => void check());
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
