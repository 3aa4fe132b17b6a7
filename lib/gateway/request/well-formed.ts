// Lone UTF-16 surrogates are not text in any encoding: PostgreSQL's jsonb refuses them ("invalid
// input syntax for type json"), so one in a decision record failed its whole batch (found by
// fuzzing), and strict JSON parsers upstream refuse them too. They become U+FFFD, as invalid
// UTF-8 bytes already do when a body is decoded.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The string with every unpaired surrogate replaced by U+FFFD (String.prototype.toWellFormed, ES2024). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\ufffd");
}

/** At most `max` UTF-16 units of `text`, never ending in half a surrogate pair. */
export function sliceWellFormed(text: string, max: number): string {
  const splitsPair = max > 0 && max < text.length && /[\ud800-\udbff]/.test(text[max - 1]!) && /[\udc00-\udfff]/.test(text[max]!);
  return wellFormed(text.slice(0, splitsPair ? max - 1 : max));
}
