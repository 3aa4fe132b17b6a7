import { env } from "@/lib/env";
import { apiError, clientClosedRequest } from "@/lib/http/api-error";
import { bufferedBodyOf } from "@/lib/http/gateway-request";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth";
import { wellFormed } from "./well-formed";

/** A \uD800–\uDFFF escape (paired or not) anywhere in the text. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Reads a JSON body with a size cap (GATEWAY_MAX_BODY_BYTES): a declared length over the cap is
 * refused before reading, an undeclared one is cut off as soon as it passes the cap.
 */
export async function readJsonBody(request: Request, maxBytes = env.GATEWAY_MAX_BODY_BYTES): Promise<unknown> {
  // The rest of the body is never read, so the connection cannot carry another request.
  const tooLarge = () =>
    apiError("request_too_large", `The request body is larger than the ${maxBytes.toLocaleString("en-US")}-byte limit.`, { headers: { connection: "close" } });
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw apiError("unsupported_media_type", `Send the body as JSON (content-type: application/json), not '${type.split(";")[0]}'.`);
  }
  // The gateway's own server has read a body within the limit already (lib/http/node-bridge.ts).
  const buffered = bufferedBodyOf(request);
  if (buffered !== null && buffered.byteLength > maxBytes) throw tooLarge();
  const text = (buffered ?? (await readStreamedBody(request, maxBytes, tooLarge))).toString("utf8");
  if (text.trim() === "") throw apiError("invalid_request", "The request body is empty: send a JSON object.");
  // Checked before parsing: JSON.parse copes with any depth, the code after it does not.
  if (nestsDeeperThan(text)) throw apiError("invalid_json", `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`);
  try {
    // A "\ud800" escape parses to a lone surrogate; like invalid UTF-8 it becomes U+FFFD. Decoded
    // UTF-8 holds no lone surrogate, so only a body with a surrogate escape needs the reviver
    // (called for every value, it makes a parse 2–3× dearer).
    if (!SURROGATE_ESCAPE.test(text)) return JSON.parse(text);
    return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? wellFormed(value) : value));
  } catch (error) {
    throw apiError("invalid_json", `The request body is not valid JSON: ${error instanceof Error ? error.message : "parse error"}.`);
  }
}

async function readStreamedBody(request: Request, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  if (!request.body) throw apiError("invalid_request", "The request has no body: send a JSON object.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      // The client went away while sending: nothing to answer, but the request is still recorded.
      throw clientClosedRequest("The client closed the connection while sending the request body.");
    }
    const { done, value } = next;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
