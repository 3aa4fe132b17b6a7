// A deterministic value that satisfies a JSON Schema: what the simulator answers for structured
// output and tool arguments. Covers the schema features SDKs generate (zod, pydantic): types,
// enum/const, anyOf/oneOf/allOf, $ref into $defs/definitions, required, min/max bounds, formats.
type Schema = Record<string, unknown>;

const MAX_DEPTH = 12;

function resolveRef(ref: string, root: Schema): Schema | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(2).split("/")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Schema)[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node && typeof node === "object" ? (node as Schema) : undefined;
}

function stringFor(schema: Schema, text: string): string {
  switch (schema.format) {
    case "date-time":
      return "2026-01-01T00:00:00Z";
    case "date":
      return "2026-01-01";
    case "email":
      return "simulated@example.com";
    case "uri":
    case "url":
      return "https://example.com/simulated";
    case "uuid":
      return "00000000-0000-4000-8000-000000000000";
  }
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  let value = text;
  while (value.length < min) value += " simulated";
  return value.slice(0, Math.max(min, Math.min(max, value.length)));
}

function numberFor(schema: Schema, integer: boolean): number {
  const low = typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : undefined;
  const high = typeof schema.maximum === "number" ? schema.maximum : typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum - (integer ? 1 : 0.5) : undefined;
  let value = low ?? (high !== undefined ? Math.min(0, high) : 1);
  if (integer) value = Math.ceil(value);
  return value;
}

export function exampleFor(schema: unknown, text = "Simulated", root?: Schema, depth = 0): unknown {
  if (!schema || typeof schema !== "object" || depth > MAX_DEPTH) return null;
  const node = schema as Schema;
  const top = root ?? node;
  if (typeof node.$ref === "string") return exampleFor(resolveRef(node.$ref, top), text, top, depth + 1);
  if ("const" in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  if (node.default !== undefined) return node.default;
  if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = node[key];
    if (Array.isArray(options) && options.length > 0) {
      // Prefer a non-null branch: "nullable" fields read better with a value.
      const chosen = options.find((option) => (option as Schema)?.type !== "null") ?? options[0];
      return exampleFor(chosen, text, top, depth + 1);
    }
  }
  if (Array.isArray(node.allOf) && node.allOf.length > 0) {
    const merged = Object.assign({}, ...node.allOf.map((part) => (part && typeof part === "object" ? (part as Schema) : {}))) as Schema;
    return exampleFor(merged, text, top, depth + 1);
  }
  const type = Array.isArray(node.type) ? (node.type.find((entry) => entry !== "null") ?? node.type[0]) : node.type;
  switch (type ?? (node.properties ? "object" : node.items ? "array" : "string")) {
    case "object": {
      const value: Record<string, unknown> = {};
      const properties = (node.properties ?? {}) as Record<string, unknown>;
      for (const [key, property] of Object.entries(properties)) value[key] = exampleFor(property, key === "query" || key === "text" ? text : `Simulated ${key}`, top, depth + 1);
      return value;
    }
    case "array": {
      const count = Math.max(1, typeof node.minItems === "number" ? node.minItems : 1);
      const items = Array.isArray(node.prefixItems) ? node.prefixItems : Array.from({ length: count }, () => node.items);
      return items.map((item) => exampleFor(item, text, top, depth + 1));
    }
    case "string":
      return stringFor(node, text);
    case "integer":
      return numberFor(node, true);
    case "number":
      return numberFor(node, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return null;
  }
}
