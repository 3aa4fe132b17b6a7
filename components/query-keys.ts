// Typed React Query keys for the console's live islands: one factory per area, never inline
// string keys, so invalidating "everything about providers" is one call and an invalidation
// names exactly what it means.
export const providerQueryKeys = {
  all: ["providers"] as const,
  health: () => [...providerQueryKeys.all, "health"] as const,
};

export interface TailQuery {
  /** The tail's filters as a query string (decisionSearch), "" for none. */
  search: string;
}

export const decisionQueryKeys = {
  all: ["decisions"] as const,
  tails: () => [...decisionQueryKeys.all, "tail"] as const,
  tail: (query: TailQuery) => [...decisionQueryKeys.tails(), query] as const,
};
