// The decision log's filters and keyset cursor, kept in the URL. Pure: shared by the page, the
// live tail's route handler and the tests.
import { rangeParams, resolveTimeRange, type TimeRange } from "@/lib/console/time-range";
import type { Endpoint } from "@/lib/ledger/record";
import type { SearchParams } from "@/lib/console/time-range";

export const DECISION_STATUSES = ["success", "fallback_success", "refused", "error"] as const;
export type DecisionStatusFilter = (typeof DECISION_STATUSES)[number];

/**
 * The surfaces a request can come in on: a short name (it fits a filter's select) and the path a
 * reader recognises.
 */
export const ENDPOINTS: ReadonlyArray<{ key: Endpoint; label: string; path: string | null }> = [
  { key: "chat.completions", label: "Chat completions", path: "/v1/chat/completions" },
  { key: "messages", label: "Messages", path: "/v1/messages" },
  { key: "responses", label: "Responses", path: "/v1/responses" },
  { key: "embeddings", label: "Embeddings", path: "/v1/embeddings" },
  { key: "route", label: "Native", path: "/api/route" },
  { key: "playground", label: "Playground", path: null },
];

export interface DecisionFilters {
  /** The shared time range (a preset, or days / hours in the viewer's zone); null = any time. */
  range: TimeRange | null;
  /** The start of a decision id (hex, dashes optional), at least 4 characters: ids seen in logs are often cut. */
  idPrefix: string | null;
  feature: string | null;
  endpoint: Endpoint | null;
  key: string | null;
  tier: string | null;
  model: string | null;
  dataClass: string | null;
  status: DecisionStatusFilter | null;
  fallback: "yes" | "no" | null;
  minLatencyMs: number | null;
  minCostUsd: number | null;
  maxCostUsd: number | null;
}

/** A position in the newest-first order: the (createdAt, id) of a row. */
export interface DecisionCursor {
  createdAt: Date;
  id: string;
}

export type PageDirection = "older" | "newer";

/** The feature filter's value for requests that named no feature. */
export const NO_FEATURE = "(none)";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function single(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : null;
}

/** A partial decision id, normalised to lower-case hex without dashes; null when it cannot be one. */
export function idPrefixOf(value: string | null): string | null {
  if (!value) return null;
  const hex = value.trim().toLowerCase().replaceAll("-", "");
  return /^[0-9a-f]{4,32}$/.test(hex) ? hex : null;
}

/** The smallest and largest UUIDs starting with the prefix, so the search is a range scan of the primary key. */
export function idPrefixBounds(prefix: string): { low: string; high: string } {
  const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { low: uuid(prefix.padEnd(32, "0")), high: uuid(prefix.padEnd(32, "f")) };
}

function nonNegative(value: string | null): number | null {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

export function resolveDecisionFilters(params: SearchParams, now: Date = new Date()): DecisionFilters {
  const status = single(params.status);
  const fallback = single(params.fallback);
  const endpoint = ENDPOINTS.find((entry) => entry.key === single(params.endpoint))?.key ?? null;
  let minCostUsd = nonNegative(single(params.minCost));
  let maxCostUsd = nonNegative(single(params.maxCost));
  if (minCostUsd !== null && maxCostUsd !== null && minCostUsd > maxCostUsd) [minCostUsd, maxCostUsd] = [maxCostUsd, minCostUsd];
  return {
    range: resolveTimeRange(params, now, { fallback: null }),
    idPrefix: idPrefixOf(single(params.idPrefix)),
    feature: single(params.feature),
    endpoint,
    key: single(params.key),
    tier: single(params.tier),
    model: single(params.model),
    dataClass: single(params.dataClass),
    status: (DECISION_STATUSES as readonly string[]).includes(status ?? "") ? (status as DecisionStatusFilter) : null,
    fallback: fallback === "yes" || fallback === "no" ? fallback : null,
    minLatencyMs: nonNegative(single(params.minLatency)),
    minCostUsd,
    maxCostUsd,
  };
}

/** The query string for the filters (and optionally a page cursor). Empty filters are left out. */
export function decisionSearch(filters: DecisionFilters, page?: { direction: PageDirection; cursor: DecisionCursor }): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | null) => {
    if (value !== null && value !== "") params.set(name, String(value));
  };
  const range = rangeParams(filters.range);
  set("preset", range.preset ?? null);
  set("from", range.from ?? null);
  set("to", range.to ?? null);
  set("idPrefix", filters.idPrefix);
  set("feature", filters.feature);
  set("endpoint", filters.endpoint);
  set("key", filters.key);
  set("tier", filters.tier);
  set("model", filters.model);
  set("dataClass", filters.dataClass);
  set("status", filters.status);
  set("fallback", filters.fallback);
  set("minLatency", filters.minLatencyMs);
  set("minCost", filters.minCostUsd);
  set("maxCost", filters.maxCostUsd);
  set("tz", range.tz ?? null);
  if (page) params.set(page.direction === "older" ? "after" : "before", encodeCursor(page.cursor));
  return params.toString();
}

export function hasDecisionFilters(filters: DecisionFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

/** "<ms since epoch>.<uuid>": opaque to users, stable, and safe in a URL. */
export function encodeCursor(cursor: DecisionCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(value: string | null | undefined): DecisionCursor | null {
  if (!value) return null;
  const [ms, id, ...rest] = value.split(".");
  if (rest.length > 0 || !ms || !id || !/^\d{1,16}$/.test(ms) || !isUuid(id)) return null;
  const createdAt = new Date(Number(ms));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: id.toLowerCase() };
}

/** The page asked for: older than `after`, newer than `before`, or the newest page. */
export function resolvePage(params: SearchParams): { direction: PageDirection; cursor: DecisionCursor | null } {
  const before = decodeCursor(single(params.before));
  if (before) return { direction: "newer", cursor: before };
  return { direction: "older", cursor: decodeCursor(single(params.after)) };
}

/** The dimensions a search can be grouped by (the Decisions page's "Group by"); pure, so components import it. */
export const DECISION_GROUPS = [
  { key: "constraint", label: "Constraint" },
  { key: "feature", label: "Feature" },
  { key: "tier", label: "Tier" },
  { key: "model", label: "Model" },
  { key: "status", label: "Status" },
] as const;
export type DecisionGroupKey = (typeof DECISION_GROUPS)[number]["key"];

export const isDecisionGroup = (value: unknown): value is DecisionGroupKey => DECISION_GROUPS.some((group) => group.key === value);
