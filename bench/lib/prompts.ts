// Deterministic, realistic prompts for the benchmarks: support-desk prose with the things real
// prompts carry (customer emails, phone numbers, order and invoice numbers, amounts, dates,
// versions, IPs), so the detectors have real work: most digit runs are near misses they must
// check and reject, a few are findings. No payment cards, IBANs or secrets by default (those make
// a request restricted, which on the seed's policy pins it to the local tier).
import type { CanonicalMessage, CanonicalRequest } from "@/lib/canonical/types";
import { countRequestTokens } from "@/lib/providers/token-count";

type ChatMessage = CanonicalMessage;
const text = (value: string) => [{ type: "text" as const, text: value }];

/** Messages as a plain request (no tools, text output), as the chat completions adapter builds it. */
export function asRequest(messages: CanonicalMessage[], maxOutputTokens?: number): CanonicalRequest {
  return { messages, tools: [], outputFormat: { type: "text" }, parameters: maxOutputTokens === undefined ? {} : { maxOutputTokens }, openaiExtras: {} };
}
const countMessageTokens = (messages: CanonicalMessage[]) => countRequestTokens(asRequest(messages));

/** mulberry32: a small seeded PRNG, so every run benchmarks the same text. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Maria", "James", "Aiko", "Oluwaseun", "Priya", "Lukas", "Sofia", "Mateo", "Chen", "Fatima", "Noah", "Ingrid"];
const LAST = ["Garcia", "Okafor", "Tanaka", "Schmidt", "Patel", "Rossi", "Nguyen", "Johansson", "Dubois", "Kowalski"];
const DOMAINS = ["example.com", "mail.example.org", "acme-corp.example", "contoso.example.net"];
const PRODUCTS = ["the Pro plan", "the mobile app", "the billing dashboard", "the export API", "the team workspace", "the desktop sync client"];
const ISSUES = [
  "keeps logging me out after a few minutes",
  "shows the wrong currency on the invoice",
  "fails to upload files larger than a few megabytes",
  "charged me twice for the same month",
  "does not send the password reset message",
  "is very slow when I open large projects",
  "lost the settings I saved yesterday",
  "returns an error when I try to export the report",
];
const FILLER = [
  "I have already tried clearing the cache and restarting the application, but nothing changed.",
  "This is affecting the whole team, and we have a deadline at the end of the week.",
  "Could you please look into it and let me know what the next steps are?",
  "The problem started right after the last update, as far as I can tell.",
  "We have been customers for several years and have never had an issue like this before.",
  "I attached a screenshot earlier, but I am not sure it came through.",
  "Our administrator checked the permissions and they look correct to him.",
  "Please escalate this if it cannot be solved at the first level.",
  "The same thing happens on both the laptop and the office desktop.",
  "It would help if someone could call me back during business hours.",
  "I would also like to understand why the renewal price went up this year.",
  "Thanks in advance for your help, and sorry for the long message.",
];
const AGENT = [
  "Thank you for reaching out, and I am sorry for the trouble.",
  "I have checked your account and can see the issue you describe.",
  "Our engineering team is aware of it and a fix is being rolled out this week.",
  "In the meantime, you can work around it by signing out and back in from the settings page.",
  "I have applied a credit to your account for the inconvenience.",
  "Please reply to this message if the problem comes back after the update.",
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A digit run that fails the Luhn check: looks like a card number, but is a near miss. */
function notACard(random: () => number, count: number): string {
  const body = digits(random, count - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    // Doubling starts at the digit next to the check digit.
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  const check = (10 - (sum % 10)) % 10;
  return body + String((check + 1) % 10);
}

function digits(random: () => number, count: number): string {
  let out = String(1 + Math.floor(random() * 9));
  while (out.length < count) out += String(Math.floor(random() * 10));
  return out;
}

/** One ticket message: a few sentences with the numbers and contacts such messages carry. */
function ticketParagraph(random: () => number, index: number): string {
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const sentences = [
    `Message ${index + 1} from ${first} ${last}:`,
    `Hello, ${pick(random, PRODUCTS)} ${pick(random, ISSUES)}.`,
    `My order number is ${digits(random, 9)} and the invoice is INV-${digits(random, 6)} for $${(random() * 900 + 10).toFixed(2)}.`,
    pick(random, FILLER),
    `It happened on ${1 + Math.floor(random() * 28)}/${1 + Math.floor(random() * 12)}/2026 at ${Math.floor(random() * 24)}:${String(Math.floor(random() * 60)).padStart(2, "0")}, on version ${Math.floor(random() * 9)}.${Math.floor(random() * 20)}.${Math.floor(random() * 99)} from IP 10.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.`,
    pick(random, FILLER),
  ];
  // About one message in three leaves contact details (these are real findings).
  if (random() < 0.35) sentences.push(`You can reach me at ${first.toLowerCase()}.${last.toLowerCase()}@${pick(random, DOMAINS)} or call +1 (555) ${digits(random, 3)}-${digits(random, 4)}.`);
  // Tracking numbers and long ids: digit runs the card and phone detectors must check and reject.
  if (random() < 0.3) sentences.push(`The tracking number is ${digits(random, 12)} and the case id is ${notACard(random, 16)}.`);
  sentences.push(pick(random, FILLER));
  if (random() < 0.5) sentences.push(`Agent reply: ${pick(random, AGENT)} ${pick(random, AGENT)}`);
  return sentences.join(" ");
}

/**
 * A chat request of about `targetTokens` prompt tokens (as the gateway counts them): a system
 * message and one user message that asks for a summary of a support thread.
 */
export function supportThreadMessages(targetTokens: number, seed: number): ChatMessage[] {
  const random = prng(seed);
  const system: ChatMessage = { role: "system", content: text("You are a support assistant. Answer briefly and factually, and never invent account details.") };
  const paragraphs: string[] = [];
  const build = (): ChatMessage[] => [system, { role: "user", content: text(`Summarise this support thread for the weekly report and list the open actions.\n\n${paragraphs.join("\n\n")}`) }];
  // Grow in steps, then trim back to the target.
  while (countMessageTokens(build()) < targetTokens) paragraphs.push(ticketParagraph(random, paragraphs.length));
  while (paragraphs.length > 1 && countMessageTokens(build()) > targetTokens * 1.02) {
    const last = paragraphs.pop()!;
    const words = last.split(" ");
    const excess = countMessageTokens(build()) - targetTokens;
    if (excess < 0) {
      // Put back just enough words to reach the target.
      const kept: string[] = [];
      for (const word of words) {
        kept.push(word);
        paragraphs.push(kept.join(" "));
        const total = countMessageTokens(build());
        paragraphs.pop();
        if (total >= targetTokens) break;
      }
      paragraphs.push(kept.join(" "));
      break;
    }
  }
  return build();
}

/** The short routine prompt of the gateway benchmark (same bytes for every request). */
export const ROUTINE_PROMPT: ChatMessage[] = [
  { role: "user", content: text("Summarise this ticket in one sentence: the customer cannot find the export button after the last update and asks where it moved.") },
];
