// What the detectors read: every string of a request that reaches a model, in conversation order.
// Pieces are joined with "\n" — a separator the detectors treat like any other between digit
// groups, so a card number split over two parts or two messages is still seen as one, while two
// numbers never fuse into a longer one. JSON the model receives as text (tool-call arguments,
// tool schemas, extra fields) is read twice: raw, and decoded, so `\u0034` escapes or a value
// hidden in a key are seen as the provider will see them; `echoes` says where, so a value both
// views find is counted once (lib/detectors/echoes.ts).
import type { JsonEcho } from "@/lib/detectors/echoes";
import type { CanonicalRequest, UserPart } from "./types";

export interface ScannedRequest {
  text: string;
  /** Parts no detector can read (images), counted by kind. */
  unscannable: { images: number };
  /** Each JSON piece's raw and decoded stretches of `text`. */
  echoes: JsonEcho[];
}

/** Pieces of the text by index: the raw JSON, and the decoded pieces [from, to) after it. */
interface EchoPieces {
  raw: number;
  from: number;
  to: number;
}

/** Keys and string leaves of a JSON value, decoded. Numbers stay in the raw text. */
function jsonStrings(value: unknown, out: string[], depth = 0): void {
  if (depth > 64) return; // The body parser already bounds nesting; this only guards recursion.
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, out, depth + 1);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      jsonStrings(item, out, depth + 1);
    }
  }
}

function jsonText(raw: string, out: string[], echoes: EchoPieces[]): void {
  out.push(raw);
  const from = out.length;
  try {
    jsonStrings(JSON.parse(raw), out);
  } catch {
    // Not JSON: the raw text above is what the model receives.
  }
  if (out.length > from) echoes.push({ raw: from - 1, from, to: out.length });
}

/** Piece indexes to [start, end) offsets of the joined text (pieces are joined with "\n"). */
function echoSpans(out: readonly string[], pieces: readonly EchoPieces[]): JsonEcho[] {
  const starts: number[] = [];
  let offset = 0;
  for (const piece of out) {
    starts.push(offset);
    offset += piece.length + 1;
  }
  const end = (index: number) => (starts[index] ?? 0) + (out[index]?.length ?? 0);
  return pieces.map(({ raw, from, to }) => ({ raw: [starts[raw] ?? 0, end(raw)], decoded: [starts[from] ?? 0, end(to - 1)] }));
}

export function scannedRequest(request: CanonicalRequest): ScannedRequest {
  const out: string[] = [];
  const echoes: EchoPieces[] = [];
  let images = 0;
  const userParts = (parts: readonly UserPart[]) => {
    for (const part of parts) {
      if (part.type === "text") out.push(part.text);
      else {
        images += 1;
        // A linked image's address can carry data of its own (a query string); inline bytes cannot be read.
        if (!part.url.startsWith("data:")) out.push(part.url);
      }
    }
  };

  for (const message of request.messages) {
    if ("name" in message && message.name) out.push(message.name);
    switch (message.role) {
      case "system":
        for (const part of message.content) out.push(part.text);
        break;
      case "user":
        userParts(message.content);
        break;
      case "assistant":
        for (const part of message.content) {
          if (part.type === "tool_call") {
            out.push(part.id, part.name);
            jsonText(part.arguments, out, echoes);
          } else out.push(part.text);
        }
        break;
      case "tool":
        out.push(message.toolCallId);
        userParts(message.content);
        break;
    }
  }
  for (const tool of request.tools) {
    out.push(tool.name);
    if (tool.description) out.push(tool.description);
    jsonText(JSON.stringify(tool.parameters), out, echoes);
  }
  if (request.toolChoice?.type === "tool") out.push(request.toolChoice.name);
  if (request.outputFormat.type === "json_schema") {
    out.push(request.outputFormat.name);
    if (request.outputFormat.description) out.push(request.outputFormat.description);
    jsonText(JSON.stringify(request.outputFormat.schema), out, echoes);
  }
  for (const stop of request.parameters.stop ?? []) out.push(stop);
  if (request.parameters.user) out.push(request.parameters.user);
  if (Object.keys(request.openaiExtras).length > 0) jsonText(JSON.stringify(request.openaiExtras), out, echoes);

  return { text: out.join("\n"), unscannable: { images }, echoes: echoSpans(out, echoes) };
}
