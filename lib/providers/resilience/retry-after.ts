// Reads how long a provider asks us to back off. `retry-after-ms` (OpenAI) is more precise
// than `retry-after`, which may be seconds or an HTTP date (RFC 9110 §10.2.3).

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** Seconds to wait, or undefined when the response says nothing usable. */
export function retryAfterSeconds(headers: Record<string, string | undefined> | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = header(headers, "retry-after-ms");
  if (milliseconds !== undefined && /^\d+(\.\d+)?$/.test(milliseconds.trim())) return Number(milliseconds) / 1000;
  const value = header(headers, "retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
