// Hostile requests for one POST endpoint, built around a valid body: most cases mutate one field
// of it (they get past JSON parsing and reach validation, routing and the upstream call); the
// rest break the body, the content type, the key or the headers, or sit at the size cap.
import fc from "fast-check";
import type { HostileRequest } from "./hostile-request";
import { badAuthorization, brokenBody, mutationOf, oddContentType, oddHeaders } from "./hostile-values";

export interface PostEndpoint {
  path: string;
  /** Valid bodies to mutate (e.g. a JSON one and a streaming one). */
  valid: unknown[];
  apiKey: string;
  /** How this endpoint's clients send the key. */
  auth: "bearer" | "x-api-key";
  maxBodyBytes: number;
  extraHeaders?: Record<string, string>;
}

function keyHeaders(endpoint: PostEndpoint): Record<string, string> {
  return endpoint.auth === "bearer" ? { authorization: `Bearer ${endpoint.apiKey}` } : { "x-api-key": endpoint.apiKey };
}

/** A valid body whose first long-enough string is padded so the whole body is `size` bytes. */
export function bodyOfSize(valid: unknown, size: number): Buffer {
  const base = JSON.stringify(valid);
  const marker = '"hello';
  const at = base.indexOf(marker);
  if (at < 0) throw new Error("the valid body needs a string starting with 'hello' to pad");
  const padding = Math.max(0, size - Buffer.byteLength(base));
  return Buffer.from(base.slice(0, at + marker.length) + "a".repeat(padding) + base.slice(at + marker.length));
}

export function postRequests(endpoint: PostEndpoint): fc.Arbitrary<HostileRequest> {
  const base = { "content-type": "application/json", ...keyHeaders(endpoint), ...endpoint.extraHeaders };
  const request = (headers: Record<string, string | string[] | null>, body: Buffer): HostileRequest => ({ method: "POST", path: endpoint.path, headers: { ...base, ...headers }, body });
  const valid = fc.constantFrom(...endpoint.valid);
  // Long strings stay well under the cap here; the cap itself has its own cases below.
  const mutated = valid.chain((body) => mutationOf(body, 20_000));
  return fc.oneof(
    { weight: 12, arbitrary: mutated.map((text) => request({}, Buffer.from(text))) },
    { weight: 3, arbitrary: fc.tuple(fc.oneof(mutated, valid.map((body) => JSON.stringify(body))), oddHeaders).map(([text, headers]) => request(headers, Buffer.from(text))) },
    { weight: 2, arbitrary: brokenBody.map((body) => request({}, body)) },
    { weight: 1, arbitrary: fc.tuple(valid, oddContentType).map(([body, type]) => request({ "content-type": type || null }, Buffer.from(JSON.stringify(body)))) },
    { weight: 1, arbitrary: fc.tuple(valid, badAuthorization).map(([body, authorization]) => request({ authorization, "x-api-key": null }, Buffer.from(JSON.stringify(body)))) },
    { weight: 1, arbitrary: valid.map((body) => request({ authorization: null, "x-api-key": null }, Buffer.from(JSON.stringify(body)))) },
  );
}

/** Each valid body padded to just under, at and just over the size cap: served or 413, never a 5xx. Too slow to sample, so listed. */
export function sizeEdgeRequests(endpoint: PostEndpoint): HostileRequest[] {
  const headers = { "content-type": "application/json", ...keyHeaders(endpoint), ...endpoint.extraHeaders };
  return endpoint.valid.flatMap((body) => [-1, 0, 1, 1024].map((over) => ({ method: "POST" as const, path: endpoint.path, headers, body: bodyOfSize(body, endpoint.maxBodyBytes + over) })));
}
