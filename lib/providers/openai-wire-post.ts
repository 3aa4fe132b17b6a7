// One POST of a JSON body to an upstream (OpenAI-wire chat completions and embeddings,
// Anthropic Messages): network failures and HTTP error statuses turned into ProviderErrors the
// fallback understands, the same way for every wire. A 2xx answer is returned for the caller to read.
import { kindForStatus, networkCodeOf, toProviderError } from "./map-error";
import { ProviderError } from "./provider-error";
import { retryAfterSeconds } from "./resilience/retry-after";
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

export interface UpstreamJsonPost {
  providerKey: string;
  url: string;
  /** The wire's own headers (auth, versions); content-type and accept are set here. */
  headers: Record<string, string>;
  accept: "application/json" | "text/event-stream";
  body: unknown;
  signal: AbortSignal | undefined;
}

export async function postUpstreamJson({ providerKey, url, headers, accept, body, signal }: UpstreamJsonPost): Promise<UpstreamResponse> {
  let response: UpstreamResponse;
  try {
    const wire: Record<string, string> = { "content-type": "application/json", accept };
    for (const name in headers) wire[name] = headers[name]!; // not a spread: upstream-http.ts's withFields says why
    response = await postUpstream(url, wire, JSON.stringify(body), signal);
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

export interface OpenAiWirePost {
  providerKey: string;
  url: string;
  apiKey: string | undefined;
  accept: "application/json" | "text/event-stream";
  body: unknown;
  signal: AbortSignal | undefined;
}

/** OpenAI's wire: the key as a bearer token (none for self-hosted servers that take none). */
export function postOpenAiWire({ providerKey, url, apiKey, accept, body, signal }: OpenAiWirePost): Promise<UpstreamResponse> {
  return postUpstreamJson({ providerKey, url, headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {}, accept, body, signal });
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
