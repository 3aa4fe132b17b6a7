// Prompt hashes for decision records: HMAC-SHA-256 under a key derived from the server's secret,
// so two records of the same prompt can be compared, but a short prompt (an SSN, a card number)
// cannot be recovered by hashing every candidate, as it could from a plain SHA-256.
import { createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

// Without a configured secret (tests, a first local run before the launcher writes one) the key
// still differs from a plain hash; production always has NEXTAUTH_SECRET set (lib/env requires it
// for sign-in), and every instance derives the same key from it.
const FALLBACK_SECRET = "switchyard-prompt-hash-development-key";

let key: Buffer | null = null;

function hashKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", env.NEXTAUTH_SECRET ?? FALLBACK_SECRET, "switchyard", "decision-record prompt hash v1", 32));
  return key;
}

export function promptHash(text: string): string {
  return createHmac("sha256", hashKey()).update(text).digest("hex");
}
