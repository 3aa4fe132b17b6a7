// Email addresses: local part, "@", a dotted domain ending in an alphabetic TLD. Read outwards
// from each "@": the local part is the run of address characters before it (at most 64) and
// the domain the run of domain characters after it, so every character is looked at a bounded
// number of times however the text is made (a base64 blob, a million "@"s).
import type { DetectionBudget } from "../budget";
import type { Span } from "../span";

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

// "logo@2x.png" is a retina asset name, not an address; no real TLD is an image format.
const IMAGE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff"]);

const isAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
// A-Z a-z 0-9 . _ % + -
const isLocalChar = (code: number) => isAlnum(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45;
const isDomainChar = (code: number) => isAlnum(code) || code === 46 || code === 45;

function isValidLabel(label: string): boolean {
  return label.length >= 1 && label.length <= 63 && /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label);
}

/** Where the domain that starts at `from` ends, or -1 when it is not a domain with a TLD. */
function domainEnd(text: string, from: number, budget?: DetectionBudget): number {
  let end = from;
  while (end < text.length && end - from <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) {
    if (budget) budget.steps++;
    end++;
  }
  if (end - from > MAX_DOMAIN) return -1;
  // A sentence's full stop after the address is not part of it.
  while (end > from && text[end - 1] === ".") end--;
  const labels = text.slice(from, end).split(".");
  if (labels.length < 2 || !labels.every(isValidLabel)) return -1;
  if (!/^[A-Za-z]{2,63}$/.test(labels[labels.length - 1] ?? "")) return -1;
  return end;
}

function isPlausibleAddress(text: string, local: string, tld: string, end: number): boolean {
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  if (IMAGE_EXTENSIONS.has(tld.toLowerCase())) return false;
  // "git@github.com:org/repo.git" is an SSH remote, which names a host, not a person.
  if (text[end] === ":" && /[\w~/]/.test(text[end + 1] ?? "")) return false;
  return true;
}

export function findEmails(text: string, budget?: DetectionBudget): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (budget) budget.steps++;
    let start = at;
    while (start > 0 && at - start <= MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) {
      if (budget) budget.steps++;
      start--;
    }
    if (start === at || at - start > MAX_LOCAL) continue;
    const end = domainEnd(text, at + 1, budget);
    if (end === -1) continue;
    const tld = text.slice(text.lastIndexOf(".", end - 1) + 1, end);
    if (isPlausibleAddress(text, text.slice(start, at), tld, end)) spans.push([start, end]);
  }
  return spans;
}
