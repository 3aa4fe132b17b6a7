// fast-check arbitraries for what a hostile or broken client sends: JSON values of every wrong
// type, prototype-polluting keys, huge and odd numbers, deep nesting, enormous strings, bodies
// that are not JSON or not UTF-8, and one-field mutations of a valid body (which reach far deeper
// into the gateway than random JSON does).
import fc from "fast-check";

/** Keys JavaScript treats specially; JSON.parse makes them own properties. */
export const dangerousKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then", "length", "");

/** Strings that break naive code: control characters, lone surrogates, NUL, RTL marks, emoji, SQL and template syntax. */
const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "\udfff", "a\u0000b", "\u202e", "😀".repeat(50), "null", "undefined", "NaN", "' OR 1=1 --", "${jndi:x}", "{{7*7}}", "auto", "tier:", "tier:nonesuch", "tier:__proto__", "__proto__", "\r\n", "%00", "..\\..", "<script>"),
);

/** Numbers at the edges: JSON.stringify turns NaN and ±Infinity into null, so the raw texts are in `numberText`. */
const oddNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, 2 ** 64, -(2 ** 63), 0.1, -1, 1.5, 4294967296, Number.MAX_SAFE_INTEGER),
);

/** Any JSON value a client might send where another was expected. */
export const wrongValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    oddString,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), dangerousKey), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Raw JSON number texts JSON.stringify cannot produce: overflow to Infinity, underflow, 2^64 and beyond. */
export const numberText = fc.constantFrom("1e308", "1e309", "-1e309", "1e-400", "-0", "-0.0", "18446744073709551616", "-9223372036854775809", "123456789012345678901234567890", "0.0000000000000000000001", "1E+2", "0e0");

/** Text of a value nested `depth` levels deep (arrays, objects or both), built without recursion. */
export function nestedText(depth: number, kind: "array" | "object" | "mixed", leaf = "1"): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let level = 0; level < depth; level++) {
    const array = kind === "array" || (kind === "mixed" && level % 2 === 0);
    open.push(array ? "[" : '{"a":');
    close.push(array ? "]" : "}");
  }
  return open.join("") + leaf + close.reverse().join("");
}

export const deepText = fc.record({ depth: fc.constantFrom(100, 1_000, 5_000, 20_000, 100_000), kind: fc.constantFrom("array" as const, "object" as const, "mixed" as const) }).map(({ depth, kind }) => nestedText(depth, kind));

/** A JSON text for a field's value: a wrong value, a raw number, deep nesting or a long string. */
export function valueText(maxStringBytes: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: wrongValue.map((value) => JSON.stringify(value) ?? "null") },
    { weight: 2, arbitrary: numberText },
    { weight: 1, arbitrary: deepText },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: maxStringBytes }).map((length) => JSON.stringify("x".repeat(length))) },
  );
}

type Path = Array<string | number>;

/** Every path in a JSON value, the root included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

const PLACEHOLDER = "\u0001fuzz-placeholder\u0001";

/**
 * One mutation of a valid body, as text: replace the value at a path with `replacement` (a JSON
 * text), delete it, or add a sibling key. Working on text lets the replacement be something
 * JSON.stringify cannot write (1e309, a 100,000-deep array, a duplicate key).
 */
export type Mutation = { kind: "replace" | "delete"; path: Path; text: string } | { kind: "add"; path: Path; key: string; text: string } | { kind: "duplicate"; path: Path; text: string };

export function applyMutation(valid: unknown, mutation: Mutation): string {
  const copy = structuredClone(valid) as Record<string, unknown>;
  const { path } = mutation;
  const slot = JSON.stringify(PLACEHOLDER);
  // A function, not a string: `$&` and friends in the replacement must stay literal.
  const put = (text: string, pattern: string, replacement: string) => text.replace(pattern, () => replacement);
  if (mutation.kind === "add") {
    const target = path.length === 0 ? copy : path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], copy);
    if (target && typeof target === "object" && !Array.isArray(target)) {
      // Keys such as __proto__ must become own properties in the text, so the new key goes in as text.
      const text = JSON.stringify(copy, (_key, value) => (value === target ? { ...value, [PLACEHOLDER]: PLACEHOLDER } : value));
      return put(text, `${slot}:${slot}`, `${JSON.stringify(mutation.key)}:${mutation.text}`);
    }
  }
  if (path.length === 0) return mutation.kind === "replace" ? mutation.text : JSON.stringify(copy);
  const parent = path.slice(0, -1).reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], copy) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (mutation.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
    return JSON.stringify(copy);
  }
  if (mutation.kind === "duplicate" && !Array.isArray(parent)) {
    // The same key twice: JSON.parse keeps the last, other parsers the first.
    const text = JSON.stringify(copy, (_key, value) => (value === parent ? { [PLACEHOLDER]: PLACEHOLDER, ...value } : value));
    return put(text, `${slot}:${slot}`, `${JSON.stringify(String(last))}:${mutation.text}`);
  }
  parent[last] = PLACEHOLDER;
  return put(JSON.stringify(copy), slot, mutation.text);
}

/** Mutations of `valid`, one field at a time. */
export function mutationOf(valid: unknown, maxStringBytes: number): fc.Arbitrary<string> {
  const paths = pathsOf(valid);
  const path = fc.constantFrom(...paths);
  const key = fc.oneof(dangerousKey, fc.string({ maxLength: 12 }), fc.constantFrom("model", "messages", "stream", "tools", "input", "metadata", "extra_body"));
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), path, text: valueText(maxStringBytes) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...paths.filter((p) => p.length > 0)), text: fc.constant("") }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant("add" as const), path, key, text: valueText(maxStringBytes) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), path: fc.constantFrom(...paths.filter((p) => p.length > 0 && typeof p[p.length - 1] === "string")), text: valueText(maxStringBytes) }) },
    )
    .map((mutation) => applyMutation(valid, mutation as Mutation));
}

/** Bodies that are not a JSON object: empty, whitespace, scalars, broken syntax, other encodings, invalid UTF-8, NaN. */
export const brokenBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom("", " ", "\n\t", "null", "true", "0", '"text"', "[]", "{}", "[{}]", "{", "}", '{"a":', "NaN", "Infinity", '{"model": NaN}', "{'model': 'auto'}", '{"a":1,}', "\ufeff{}", "undefined", '{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}').map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  // Invalid UTF-8 inside a JSON string: lone continuation bytes, overlongs, surrogates encoded as UTF-8, 0xFF.
  fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]).map((bytes) => Buffer.concat([Buffer.from('{"model":"'), Buffer.from(bytes), Buffer.from('","messages":[{"role":"user","content":"hi'), Buffer.from(bytes), Buffer.from('"}]}')])),
  fc.string({ unit: "binary", maxLength: 100 }).map((text) => Buffer.from(text, "utf16le")),
  deepText.map((text) => Buffer.from(text)),
);

/** Latin-1 text: every char one byte on the wire, the widest a header value can carry. */
const headerGarbage = fc.oneof(
  fc.string({ maxLength: 60 }).map((text) => text.replace(/[\r\n\0]/g, "")),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 60 }).map((text) => text.replace(/\x7f/g, "")),
  fc.constantFrom("", " ", "routine", "hard", "confidential", "public", "secret", "__proto__", "constructor", "auto", "tier:frontier", "ÿÿÿ", "Ã©", "null", "1e309", "-1", ",", ", ,"),
  fc.integer({ min: 1, max: 12_000 }).map((length) => "f".repeat(length)),
);

const ROUTING_HEADERS = ["x-switchyard-feature", "x-switchyard-difficulty", "x-switchyard-data-class"];

/** Headers to add to a request: garbage routing hints, repeated headers, odd content types. */
export const oddHeaders: fc.Arbitrary<Record<string, string | string[]>> = fc.dictionary(
  fc.constantFrom(...ROUTING_HEADERS, "content-type", "accept", "anthropic-version", "anthropic-beta", "x-api-key", "openai-organization", "x-request-id", "x-forwarded-for"),
  fc.oneof({ weight: 4, arbitrary: headerGarbage }, { weight: 1, arbitrary: fc.array(headerGarbage, { minLength: 2, maxLength: 3 }) }),
  { maxKeys: 3 },
);

export const oddContentType = fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "application/json; charset=latin1", "application/json; charset=utf-16", "application/vnd.api+json", "APPLICATION/JSON", "", "json", "*/*", "application/xml");

/** Authorization values that are not a valid key. */
export const badAuthorization = fc.oneof(
  fc.constantFrom("", "Bearer", "Bearer ", "Bearer  ", "Basic dXNlcjpwYXNz", "bearer sy_", "Bearer sy_\u00ff\u00fe", "Bearer null", "Bearer __proto__", "Token x"),
  fc.integer({ min: 100, max: 15_000 }).map((length) => `Bearer sy_${"a".repeat(length)}`),
  headerGarbage.map((text) => `Bearer ${text}`),
);
