// One authenticated gateway request, as every endpoint describes it to the pipeline: the
// canonical request plus what the endpoint learned around it (hints, stream, dry run).
import type { CanonicalRequest } from "@/lib/canonical/types";
import type { DataClassKey, Difficulty } from "@/lib/routing/types";
import type { AppKey } from "../auth/authenticate";

import type { Endpoint } from "@/lib/ledger/record";

export type { Endpoint };

export interface GatewayCall {
  endpoint: Endpoint;
  key: AppKey;
  requestedModel: string;
  /** What is scanned, decided on and sent upstream — one object for all three. */
  request: CanonicalRequest;
  stream: boolean;
  /** OpenAI's stream_options.include_usage: whether the caller wants the usage chunk. */
  includeUsage: boolean;
  featureKey: string | null;
  difficulty: Difficulty | null;
  dataClass: DataClassKey | null;
  dryRun: boolean;
  signal: AbortSignal;
  createdAt: Date;
  /** performance.now() when the request arrived. */
  startedAt: number;
}
