// The refusal for an empty candidate list. It names, in words, every constraint that removed
// models, in the order the engine applies them, so the caller (and the auditor) can see which
// one to change. The constraint furthest along the pipeline is the one that removed the last
// models; it picks the status. What a retry cannot change is a 4xx, so clients do not retry
// it: the window → 400 context_length_exceeded, a capability → 400 capability_unavailable, the
// data class or its regions → 403 data_class_forbidden, any other policy check → 400
// no_allowed_model. What passes keeps a 429 or 503: budget → 429 budget_exceeded; only rate
// limits among the models that passed every policy check → 429 rate_limited; open circuits
// among them → 503 no_candidate.
import { secondsUntilNextMonthUtc } from "../constraints/budget";
import { tokensNeeded } from "../constraints/context";
import type { ResolvedDataClass } from "../constraints/data-class";
import { retryAfterFor } from "../constraints/health";
import { budgetExceeded, capabilityUnavailable, contextLengthExceeded, dataClassForbidden, noAllowedModel, noCandidate, rateLimited } from "./refusal";
import type { StagedRejection } from "./staged-rejection";
import type { Analysis, LiveState, Refusal, RejectionReason } from "../types";
import { formatCount, listWords, plural, tierPhrase } from "./wording";

export interface EmptyListInput {
  rejections: readonly StagedRejection[];
  dataClass: ResolvedDataClass;
  analysis: Analysis;
  live: LiveState;
  /** Model windows by alias, for the context clause. */
  contextWindows: ReadonlyMap<string, number>;
}

const PREFIX = "No model can serve this request: ";

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function isAre(count: number): string {
  return count === 1 ? "is" : "are";
}

function withoutStop(text: string): string {
  return text.replace(/\.$/, "");
}

function contextClause(group: readonly StagedRejection[], input: EmptyListInput, afterClassClause: boolean): string {
  const needed = `the ${formatCount(tokensNeeded(input.analysis))} tokens needed`;
  const windows = distinct(group.map((rejection) => input.contextWindows.get(rejection.alias) ?? 0)).sort((a, b) => a - b);
  const [only] = group;
  if (group.length === 1 && only !== undefined) {
    return `${only.alias}'s ${formatCount(windows[0] ?? 0)}-token window is smaller than ${needed}`;
  }
  const tiers = distinct(group.map((rejection) => rejection.tierKey));
  const singleAllowedTier = input.dataClass.allowedTierKeys.length === 1;
  const subject =
    tiers.length === 1 && afterClassClause && singleAllowedTier
      ? "its models'"
      : tiers.length === 1
        ? `the ${tiers[0] ?? ""} models'`
        : "the remaining models'";
  const sizes = windows.map((size, i) => (i === windows.length - 1 ? `${formatCount(size)}-token` : `${formatCount(size)}-`));
  return `${subject} ${listWords(sizes)} windows are smaller than ${needed}`;
}

function clauseFor(reason: RejectionReason, group: readonly StagedRejection[], input: EmptyListInput, clauses: readonly string[]): string[] {
  const aliases = distinct(group.map((rejection) => rejection.alias));
  const providers = distinct(group.map((rejection) => rejection.providerKey));
  const { dataClass } = input;
  switch (reason) {
    case "data_class":
      if (!dataClass.hasPolicy) return [`data class ${dataClass.key} has no policy, so no tier is allowed`];
      if (dataClass.allowedTierKeys.length === 0) return [`data class ${dataClass.key} allows no tier`];
      return [`data class ${dataClass.key} allows only ${tierPhrase(dataClass.allowedTierKeys)}`];
    case "region":
      return [
        `${plural(providers.length, "provider")} ${listWords(providers)} ${isAre(providers.length)} outside the ${plural(dataClass.allowedRegions.length, "region")} data class ${dataClass.key} allows (${listWords(dataClass.allowedRegions, "or")})`,
      ];
    case "disabled":
      return [`${listWords(aliases)} ${isAre(aliases.length)} switched off`];
    case "context_window":
      return [contextClause(group, input, clauses.length > 0 && group.every((r) => dataClass.allowedTierKeys.includes(r.tierKey)))];
    case "capability":
      return distinct(group.map((rejection) => withoutStop(rejection.detail)));
    case "licence":
      return [`the ${plural(aliases.length, "licence")} of ${listWords(aliases)} ${aliases.length === 1 ? "does" : "do"} not permit this use`];
    case "circuit_open":
      return [`${plural(providers.length, "provider")} ${listWords(providers)} ${isAre(providers.length)} failing (circuit open)`];
    case "rate_limit": {
      const waits = providers.map((provider) => retryAfterFor(provider, input.live) ?? 0);
      return [
        `${plural(providers.length, "provider")} ${listWords(providers)} ${isAre(providers.length)} rate-limited (retry after ${formatCount(Math.min(...waits))} seconds)`,
      ];
    }
    // Pin, rule, budget and difficulty details already read as clauses and are shared by the group.
    case "pin":
    case "rule":
    case "budget":
    case "difficulty":
      return distinct(group.map((rejection) => withoutStop(rejection.detail)));
  }
}

export function emptyListRefusal(input: EmptyListInput): Refusal {
  const ordered = [...input.rejections].sort((a, b) => a.stage - b.stage);
  const last = ordered[ordered.length - 1];
  if (last === undefined) return noAllowedModel(`${PREFIX}no models are configured.`, "disabled");

  // Group by reason, first-seen in pipeline order.
  const groups = new Map<RejectionReason, StagedRejection[]>();
  for (const rejection of ordered) groups.set(rejection.reason, [...(groups.get(rejection.reason) ?? []), rejection]);
  const clauses: string[] = [];
  for (const [reason, group] of groups) clauses.push(...clauseFor(reason, group, input, clauses));
  const joined = clauses.length <= 1 ? (clauses[0] ?? "") : `${clauses.slice(0, -1).join(", ")}, and ${clauses[clauses.length - 1]}`;
  const message = `${PREFIX}${joined}.`;

  switch (last.reason) {
    case "capability":
      return capabilityUnavailable(message);
    case "context_window":
      return contextLengthExceeded(message);
    case "data_class":
    case "region":
      return dataClassForbidden(message, last.reason);
    case "budget":
      return budgetExceeded(message, secondsUntilNextMonthUtc(input.live.now));
    case "circuit_open":
    case "rate_limit": {
      // Health is checked last, so these models passed every policy check: the refusal passes.
      const health = ordered.filter((rejection) => rejection.reason === "circuit_open" || rejection.reason === "rate_limit");
      if (health.every((rejection) => rejection.reason === "rate_limit")) {
        const waits = distinct(health.map((rejection) => rejection.providerKey)).map((provider) => retryAfterFor(provider, input.live) ?? 1);
        return rateLimited(message, Math.min(...waits));
      }
      // The soonest any of those providers may answer again: a circuit's probe or a rate limit's end.
      const waits = distinct(health.map((rejection) => rejection.providerKey))
        .map((provider) => input.live.openCircuitRetryAfterSeconds?.[provider] ?? retryAfterFor(provider, input.live))
        .filter((wait): wait is number => wait !== null && wait !== undefined);
      return noCandidate(message, last.reason, waits.length > 0 ? Math.min(...waits) : null);
    }
    case "disabled":
    case "pin":
    case "licence":
    case "difficulty":
    case "rule":
      return noAllowedModel(message, last.reason);
  }
}
