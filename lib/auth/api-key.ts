// App API keys: the secret is shown once; only its SHA-256 and a visible prefix are stored.
// A fast hash is right here (unlike passwords): keys are 192 random bits, not guessable,
// and the gateway checks one on every request.
import crypto from "node:crypto";

const KEY_PREFIX = "sy_";
const PREFIX_LENGTH = 11; // "sy_" + 8 characters, enough to tell keys apart in the console

export function generateApiKey(): string {
  return KEY_PREFIX + crypto.randomBytes(24).toString("base64url");
}

export function hashApiKey(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}

export function looksLikeApiKey(secret: string): boolean {
  return secret.startsWith(KEY_PREFIX) && secret.length >= 20 && secret.length <= 200;
}
