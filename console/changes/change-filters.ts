// The change log's search, kept in the URL: entity, user (actor email) and a keyset cursor on
// (at, id), newest first. Pure.
export type ChangeParams = Record<string, string | string[] | undefined>;

export interface ChangeFilters {
  entity: string | null;
  actor: string | null;
}

export interface ChangeCursor {
  at: Date;
  id: string;
}

export type ChangeDirection = "older" | "newer";

function single(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed && trimmed.length <= 320 ? trimmed : null;
}

export function resolveChangeFilters(params: ChangeParams): ChangeFilters {
  return { entity: single(params.entity), actor: single(params.actor) };
}

/** "<ms since epoch>.<id>": ids are cuids (letters and digits). */
export function encodeChangeCursor(cursor: ChangeCursor): string {
  return `${cursor.at.getTime()}.${cursor.id}`;
}

export function decodeChangeCursor(value: string | null | undefined): ChangeCursor | null {
  if (!value) return null;
  const match = /^(\d{1,16})\.([a-z0-9]{1,64})$/i.exec(value);
  if (!match) return null;
  const at = new Date(Number(match[1]));
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2]! };
}

export function resolveChangePage(params: ChangeParams): { direction: ChangeDirection; cursor: ChangeCursor | null } {
  const before = decodeChangeCursor(single(params.before));
  if (before) return { direction: "newer", cursor: before };
  return { direction: "older", cursor: decodeChangeCursor(single(params.after)) };
}

export function changeSearch(filters: ChangeFilters, page?: { direction: ChangeDirection; cursor: ChangeCursor }): string {
  const params = new URLSearchParams();
  if (filters.entity) params.set("entity", filters.entity);
  if (filters.actor) params.set("actor", filters.actor);
  if (page) params.set(page.direction === "older" ? "after" : "before", encodeChangeCursor(page.cursor));
  return params.toString();
}
