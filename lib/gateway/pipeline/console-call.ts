import "server-only";
// The console's playground as a gateway caller. A signed-in person is not an app key, but the
// pipeline is built around one (rate limit, feature scope, the decision record's key columns).
// Rather than a second pipeline, the console describes itself as a key-shaped caller: the
// request takes exactly the path an app's request takes and leaves one decision record, marked
// with the "console" prefix and the person's user id, so the audit log says who tried what.
import type { CanonicalRequest } from "@/lib/canonical/types";
import type { DataClassKey, Difficulty } from "@/lib/routing/types";
import type { AppKey } from "../auth/authenticate";
import type { GatewayCall } from "./gateway-call";

/** Shown where app keys show their prefix (decision records, rollups). */
export const CONSOLE_KEY_PREFIX = "console";

/** Real model calls from the playground per person per minute: enough to explore, not to load-test. */
export const CONSOLE_RATE_LIMIT_PER_MINUTE = 20;

/** The console user as the key behind a playground request: any feature, the chosen one by default. */
export function consoleAppKey(user: { id: string; email: string }, featureKey: string | null): AppKey {
  return {
    id: `${CONSOLE_KEY_PREFIX}:${user.id}`,
    prefix: CONSOLE_KEY_PREFIX,
    name: `Playground (${user.email})`,
    rateLimitPerMinute: CONSOLE_RATE_LIMIT_PER_MINUTE,
    defaultFeatureKey: featureKey,
    featureKeys: [],
  };
}

export interface ConsoleRequest {
  user: { id: string; email: string };
  featureKey: string | null;
  model: string;
  difficulty: Difficulty | null;
  dataClass: DataClassKey | null;
  request: CanonicalRequest;
  dryRun: boolean;
}

/** A non-streaming GatewayCall, as the native endpoint would build it. */
export function consoleGatewayCall(request: ConsoleRequest, signal: AbortSignal = new AbortController().signal): GatewayCall {
  return {
    // The native endpoint's shape (feature, difficulty, data class and dry run are its fields),
    // labelled as the playground in the decision record.
    endpoint: "playground",
    key: consoleAppKey(request.user, request.featureKey),
    requestedModel: request.model,
    request: request.request,
    stream: false,
    includeUsage: false,
    featureKey: request.featureKey,
    difficulty: request.difficulty,
    dataClass: request.dataClass,
    dryRun: request.dryRun,
    signal,
    createdAt: new Date(),
    startedAt: performance.now(),
  };
}
