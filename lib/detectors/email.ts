// Email addresses: local part, "@", a dotted domain ending in an alphabetic TLD.
import type { Span } from "./span";

// The lookbehind lets a match start only at the beginning of a run of local-part characters.
// Without it a long run with no "@" (a base64 blob) is re-scanned from every position: O(n^2).
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g;

// "logo@2x.png" is a retina asset name, not an address; no real TLD is an image format.
const IMAGE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff"]);

function isPlausibleAddress(text: string, address: string, end: number): boolean {
  const at = address.indexOf("@");
  const local = address.slice(0, at);
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  const tld = address.slice(address.lastIndexOf(".") + 1).toLowerCase();
  if (IMAGE_EXTENSIONS.has(tld)) return false;
  // "git@github.com:org/repo.git" is an SSH remote, which names a host, not a person.
  if (text[end] === ":" && /[\w~/]/.test(text[end + 1] ?? "")) return false;
  return true;
}

export function findEmails(text: string): Span[] {
  const spans: Span[] = [];
  EMAIL.lastIndex = 0;
  for (let match = EMAIL.exec(text); match !== null; match = EMAIL.exec(text)) {
    const end = match.index + match[0].length;
    if (isPlausibleAddress(text, match[0], end)) spans.push([match.index, end]);
  }
  return spans;
}
