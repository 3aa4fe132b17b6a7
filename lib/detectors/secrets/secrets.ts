// Secrets and API keys: private key blocks, token formats with a documented prefix or shape
// (secret-rules.ts, on re2js), credentials in URLs, and values named as secrets
// (`password=…`). Overlapping hits (a JWT inside a bearer header) count once.
import { DetectionBudget } from "../budget";
import { findNamedSecrets } from "./named-secrets";
import { findPrivateKeyBlocks } from "./pem";
import { isTemplatePlaceholder } from "./secret-placeholder";
import { findSecretTokens } from "./secret-tokens";
import { mergeSpans, type Span } from "../span";

export function findSecrets(text: string, budget: DetectionBudget = new DetectionBudget()): Span[] {
  const spans: Span[] = [...findPrivateKeyBlocks(text, budget)];
  const lower = text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  // A URL's password may be anything but a template placeholder ("postgres://u:p@h" is a finding).
  findSecretTokens(text, lower, budget, spans, (rule, value) => rule.id !== "url-credentials" || !isTemplatePlaceholder(value));
  spans.push(...findNamedSecrets(text, budget));
  return mergeSpans(spans);
}
