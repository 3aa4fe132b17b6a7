// Typed React Query keys for the console's live islands: one factory per area, never inline
// string keys, so invalidating "everything about providers" is one call.
export const providerQueryKeys = {
  all: ["providers"] as const,
  health: () => [...providerQueryKeys.all, "health"] as const,
};
