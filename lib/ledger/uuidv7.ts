import crypto from "node:crypto";

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids sort by creation time,
 * so the decision log pages by id without a second index and inserts append to the B-tree.
 * The 74 random bits come from a v4 UUID's (randomUUID draws from a buffer it refills in bulk;
 * randomBytes(16) asked the generator once per id, ~2–7 µs each on the request path), its
 * variant bits included: the v4's 12 random bits after its version digit become rand_a, its
 * variant nibble and the 62 bits after it rand_b.
 */
export function uuidv7(now: number = Date.now()): string {
  const random = crypto.randomUUID();
  const time = Math.floor(now).toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19, 23)}-${random.slice(24)}`;
}

/** The creation time encoded in a UUIDv7. */
export function uuidv7Time(id: string): Date {
  return new Date(parseInt(id.replace(/-/g, "").slice(0, 12), 16));
}
