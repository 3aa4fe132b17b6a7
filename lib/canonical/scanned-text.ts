// What the detectors read: every string of a request that reaches a model, in conversation order.
// Pieces are joined with "\n" — a separator the detectors treat like any other between digit
// groups, so a card number split over two parts or two messages is still seen as one, while two
// numbers never fuse into a longer one. JSON the model receives as text (tool-call arguments,
// tool schemas, extra fields) is read twice: raw, and decoded, so `\u0034` escapes or a value
// hidden in a key are seen as the provider will see them.
import type { CanonicalRequest, UserPart } from "./types";

export interface ScannedRequest {
  text: string;
  /** Parts no detector can read (images), counted by kind. */
  unscannable: { images: number };
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

function jsonText(raw: string, out: string[]): void {
  out.push(raw);
  try {
    jsonStrings(JSON.parse(raw), out);
  } catch {
    // Not JSON: the raw text above is what the model receives.
  }
}

export function scannedRequest(request: CanonicalRequest): ScannedRequest {
  const out: string[] = [];
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
            jsonText(part.arguments, out);
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
    jsonText(JSON.stringify(tool.parameters), out);
  }
  if (request.toolChoice?.type === "tool") out.push(request.toolChoice.name);
  if (request.outputFormat.type === "json_schema") {
    out.push(request.outputFormat.name);
    if (request.outputFormat.description) out.push(request.outputFormat.description);
    jsonText(JSON.stringify(request.outputFormat.schema), out);
  }
  for (const stop of request.parameters.stop ?? []) out.push(stop);
  if (request.parameters.user) out.push(request.parameters.user);
  if (Object.keys(request.openaiExtras).length > 0) jsonText(JSON.stringify(request.openaiExtras), out);

  return { text: out.join("\n"), unscannable: { images } };
}
