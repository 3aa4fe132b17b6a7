// PEM private key blocks (RFC 7468): "-----BEGIN … PRIVATE KEY-----" up to its END line. Found
// by indexOf and a check of the header's label, never by a regex over the body, so a long
// base64 body or a text of many BEGIN lines is read once.
import type { DetectionBudget } from "../budget";
import type { Span } from "../span";

const BEGIN = "-----BEGIN";
const DASHES = "-----";
const MAX_LABEL = 80;
const LABEL = /^[ A-Z0-9_-]*$/;

/** "RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PGP PRIVATE KEY BLOCK", "ENCRYPTED PRIVATE KEY". */
function isPrivateKeyLabel(label: string): boolean {
  const trimmed = label.trim();
  return LABEL.test(trimmed) && (trimmed.endsWith("PRIVATE KEY") || trimmed.endsWith("PRIVATE KEY BLOCK"));
}

export function findPrivateKeyBlocks(text: string, budget?: DetectionBudget): Span[] {
  const spans: Span[] = [];
  // The last END marker found: a text of many BEGIN lines and no END is still searched once.
  let endMarker = text.indexOf("-----END");
  for (let at = text.indexOf(BEGIN); at !== -1; at = text.indexOf(BEGIN, at + 1)) {
    if (budget) budget.steps++;
    const labelStart = at + BEGIN.length;
    const labelEnd = text.indexOf(DASHES, labelStart);
    if (labelEnd === -1 || labelEnd - labelStart > MAX_LABEL || !isPrivateKeyLabel(text.slice(labelStart, labelEnd))) continue;
    const headerEnd = labelEnd + DASHES.length;
    if (endMarker !== -1 && endMarker < headerEnd) endMarker = text.indexOf("-----END", headerEnd);
    // A header with no END (a truncated paste) is still a private key: report the header.
    let end = headerEnd;
    if (endMarker !== -1) {
      const close = text.indexOf(DASHES, endMarker + "-----END".length);
      if (close !== -1) end = close + DASHES.length;
    }
    spans.push([at, end]);
    at = end - 1;
  }
  return spans;
}
