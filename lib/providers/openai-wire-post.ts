// One POST to an OpenAI-wire upstream (chat completions, embeddings): the JSON body with the
// provider's key, network failures and HTTP error statuses turned into ProviderErrors the
// fallback understands. A 2xx answer is returned for the caller to read.
import { kindForStatus, networkCodeOf, toProviderError } from "./map-error";
import { ProviderError } from "./provider-error";
import { retryAfterSeconds } from "./retry-after";
import { postUpstream, type UpstreamResponse } from "./upstream-http";
import { upstreamErrorMessage } from "./upstream-error-message";

async function failureFrom(response: UpstreamResponse, providerKey: string): Promise<ProviderError> {
  const text = await response.text().catch(() => "");
  const retryAfter = retryAfterSeconds(response.headers);
  return new ProviderError({
    kind: kindForStatus(response.status, text),
    status: response.status,
    message: upstreamErrorMessage(providerKey, response.status, text),
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    // The model or route does not exist at this provider: no outage; a 409 may pass on retry.
    ...(response.status === 404 ? { retryable: false } : response.status === 409 ? { retryable: true } : {}),
  });
}

export interface OpenAiWirePost {
  providerKey: string;
  url: string;
  apiKey: string | undefined;
  accept: "application/json" | "text/event-stream";
  body: unknown;
  signal: AbortSignal | undefined;
}

export async function postOpenAiWire({ providerKey, url, apiKey, accept, body, signal }: OpenAiWirePost): Promise<UpstreamResponse> {
  const headers: Record<string, string> = { "content-type": "application/json", accept };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let response: UpstreamResponse;
  try {
    response = await postUpstream(url, headers, JSON.stringify(body), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    // The network error's code (ECONNREFUSED, ETIMEDOUT) is what helps the reader.
    const code = networkCodeOf(error);
    const normalised = toProviderError(error);
    if (!(normalised instanceof ProviderError) || code === undefined) throw normalised;
    throw new ProviderError({ kind: normalised.kind, message: `Provider "${providerKey}" could not be reached (${code})`, retryable: true, cause: error });
  }
  if (!response.ok) throw await failureFrom(response, providerKey);
  return response;
}

/** The body of a 2xx answer as JSON; a connection lost mid-body stays a network failure. */
export async function readUpstreamJson<T>(response: UpstreamResponse, providerKey: string): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ProviderError({ kind: "unknown", message: `Provider "${providerKey}" answered with invalid JSON`, retryable: true, cause: error });
  }
}
