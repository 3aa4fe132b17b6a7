// The model's answer is scanned too: what the detectors find in it goes into the decision record
// (types and counts), and finding types the data rules name are masked before the caller sees
// them. Streams are not held back to scan: the findings are counted at the end, and only when
// masking is configured does the stream keep back a short tail of text (HOLD_BACK_CHARS), so a
// value split across two chunks is masked whole.
import type { AssistantPart, StreamPart } from "@/lib/canonical/types";
import { detect, type CompiledRules } from "@/lib/detectors";

export interface AnswerFinding {
  type: string;
  count: number;
  masked: boolean;
}

/** Longer than any card number, IBAN or key the detectors mask, with separators. */
export const HOLD_BACK_CHARS = 96;

export interface AnswerRules {
  detectors: CompiledRules;
  masked: ReadonlySet<string>;
}

function answerText(content: readonly AssistantPart[]): string {
  return content.map((part) => (part.type === "tool_call" ? `${part.name}\n${part.arguments}` : part.text)).join("\n");
}

export function answerFindings(content: readonly AssistantPart[], rules: AnswerRules): AnswerFinding[] {
  return detect(answerText(content), rules.detectors)
    .filter((finding) => finding.type !== "detection_limit" || finding.count > 0)
    .map((finding) => ({ type: finding.type, count: finding.count, masked: rules.masked.has(finding.type) }));
}

function maskedSpans(text: string, rules: AnswerRules): Array<{ start: number; end: number; type: string }> {
  return detect(text, rules.detectors)
    .filter((finding) => rules.masked.has(finding.type))
    .flatMap((finding) => finding.positions.map(([start, end]) => ({ start, end, type: finding.type })))
    .sort((a, b) => a.start - b.start);
}

function applyMasks(text: string, spans: ReadonlyArray<{ start: number; end: number; type: string }>): string {
  let out = "";
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out += `${text.slice(at, span.start)}[masked ${span.type}]`;
    at = span.end;
  }
  return out + text.slice(at);
}

/** `text` with every span of a masked finding type replaced by "[masked <type>]". */
export function maskText(text: string, rules: AnswerRules): string {
  if (rules.masked.size === 0 || text === "") return text;
  return applyMasks(text, maskedSpans(text, rules));
}

/** A JSON answer with masked finding types replaced in text and tool-call arguments stay as sent (masking JSON could break it). */
export function maskAnswer(content: AssistantPart[], rules: AnswerRules): AssistantPart[] {
  if (rules.masked.size === 0) return content;
  return content.map((part) => (part.type === "text" ? { ...part, text: maskText(part.text, rules) } : part));
}

/** Masks text parts of a stream, holding back a short tail so a split value is masked whole. */
export async function* maskStream(stream: AsyncIterable<StreamPart>, rules: AnswerRules): AsyncGenerator<StreamPart> {
  if (rules.masked.size === 0) return yield* stream;
  let pending = "";
  const release = (all: boolean): StreamPart[] => {
    if (pending === "") return [];
    const spans = maskedSpans(pending, rules);
    let cut = all ? pending.length : pending.length - HOLD_BACK_CHARS;
    // Never cut through a value: it is emitted whole (masked) with a later chunk.
    for (const span of spans) if (span.start < cut && span.end > cut) cut = span.start;
    if (cut <= 0) return [];
    const out = applyMasks(pending.slice(0, cut), spans.filter((span) => span.end <= cut));
    pending = pending.slice(cut);
    return out === "" ? [] : [{ type: "text", text: out }];
  };
  for await (const part of stream) {
    if (part.type === "text") {
      pending += part.text;
      yield* release(false);
      continue;
    }
    yield* release(true);
    yield part;
  }
  yield* release(true);
}
