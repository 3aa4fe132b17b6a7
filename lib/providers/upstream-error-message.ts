// What an upstream's error says, cleaned before it reaches a caller, a decision record or a log:
// providers sometimes echo the request (a prompt, a tool argument) in their error text, so only
// the error's own message is kept, shortened, and anything that looks like an echo of input
// (quoted content, long digit runs) is cut out.
const MAX_MESSAGE_CHARS = 200;

function errorText(body: string): string {
  try {
    const json = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const error = json.error;
    if (typeof error === "string") return error;
    if (error && typeof error.message === "string") return error.message;
    if (typeof json.message === "string") return json.message;
    if (typeof json.detail === "string") return json.detail;
  } catch {
    // Not JSON (an HTML error page, a proxy's text): no message worth relaying.
  }
  return "";
}

export function cleanUpstreamText(text: string): string {
  // Bounded before the patterns run, so a huge error body costs nothing.
  return text
    .slice(0, 4 * MAX_MESSAGE_CHARS)
    .replace(/(["'`“‘])(?:(?!\1)[\s\S]){12,}\1/g, "$1…$1") // quoted material is where echoed input sits
    .replace(/\d[\d\s.\-_/]{6,}\d/g, "…") // digit runs: card numbers, ids, phone numbers
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_MESSAGE_CHARS);
}

export function upstreamErrorMessage(providerKey: string, status: number, body: string): string {
  const said = cleanUpstreamText(errorText(body));
  return `Provider "${providerKey}" answered ${status}${said ? `: ${said}` : ""}`;
}
