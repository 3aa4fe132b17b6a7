// React Query keys for the decision log's live islands: one typed factory, never inline strings,
// so an invalidation names exactly what it means.
export interface TailQuery {
  /** The tail's filters as a query string (decisionSearch), "" for none. */
  search: string;
}

export const decisionQueryKeys = {
  all: ["decisions"] as const,
  tails: () => [...decisionQueryKeys.all, "tail"] as const,
  tail: (query: TailQuery) => [...decisionQueryKeys.tails(), query] as const,
};
