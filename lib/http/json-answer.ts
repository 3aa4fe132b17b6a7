// A JSON answer that keeps its text: the gateway's own server (lib/http/node-bridge.ts) writes
// that text to the socket instead of reading the Response's body stream back (consuming it,
// copying it into a Buffer) — about half of what a Response.json answer costs it. Anywhere else
// (Next's server, tests) it is an ordinary Response with the same body and headers.

/** A symbol from the global registry: the server and Next's build each hold their own copy of this module. */
const ANSWER_TEXT = Symbol.for("switchyard.json-answer.text");

/** As `Response.json(body, init)`. */
export function jsonAnswer(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  const response = new Response(text, { status: init.status ?? 200, ...(init.statusText !== undefined ? { statusText: init.statusText } : {}), headers });
  (response as unknown as Record<symbol, string>)[ANSWER_TEXT] = text;
  return response;
}

/** The text a jsonAnswer was made from, when this Response is one whose body nobody has read. */
export function answerTextOf(response: Response): string | null {
  const text = (response as unknown as Record<symbol, unknown>)[ANSWER_TEXT];
  return typeof text === "string" && !response.bodyUsed ? text : null;
}
