// Values that stand in for a secret instead of being one. Deliberately short: only template
// placeholders and masks (`<password>`, `${PASSWORD}`, `{{ token }}`, `xxxx`, `****`) and
// references in code (`process.env.X`, `config.db.password`, `getPassword()`). Anything that
// could be a real value — "Test@12345", "changeme", "example-key-123" — is reported: a
// placeholder list that swallows real passwords leaks them to every tier.

const MASK = /^[*x•.#_-]+$/i;
const TEMPLATE = /^(?:<[^<>]*>|\$\{[^{}]*\}|\$\(\s*[^()]*\)|\{\{[^{}]*\}\}|%[A-Za-z_][A-Za-z0-9_]*%|\$[A-Za-z_][A-Za-z0-9_]*|\[[^\][]*\]|@[A-Za-z_][A-Za-z0-9_]*@)$/;
const LOOKUP = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|env|getenv|config|settings|secrets|vars)\b/;
const FUNCTION_CALL = /^[A-Za-z_$][\w$.]*\([^()]*\)[.,;)\]}]*$/;
const DOTTED_IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
// YOUR_API_KEY, DB_PASSWORD: a constant's name (a real value has digits or lower case).
const CONSTANT_NAME = /^[A-Z][A-Z]*(?:_[A-Z]+)+$/;
const TYPE_OR_LITERAL = /^(?:null|none|nil|undefined|true|false|string|str|bytes|number|int|boolean|bool|object|any|unknown|required|optional|redacted|hidden|masked|omitted|empty)$/i;

export function isTemplatePlaceholder(value: string): boolean {
  return (
    MASK.test(value) ||
    TEMPLATE.test(value) ||
    LOOKUP.test(value) ||
    FUNCTION_CALL.test(value) ||
    DOTTED_IDENTIFIER.test(value) ||
    CONSTANT_NAME.test(value) ||
    TYPE_OR_LITERAL.test(value)
  );
}

/** A prefixed token whose body is only a mask: "xoxb-xxxxxxxxx-xxxxxxxxxx", "hf_XXXXXXXX…". */
export function isMaskedToken(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength).replace(/[^A-Za-z0-9*#]/g, "");
  return body === "" || /^(?:[xX*#]+|0+|(.)\1*)$/.test(body);
}
