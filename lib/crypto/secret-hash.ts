import { createHash, timingSafeEqual } from "node:crypto";

// For secrets we only need to check, never read back, and that are long and random (callback
// passwords are generated with ≥ 192 bits of entropy): a fast hash is as safe as a slow one there,
// and keeps the webhook's hot path cheap. People's passwords use argon2 (lib/auth/password.ts).
export function hashRandomSecret(secret: string): string {
  return `sha256:${createHash("sha256").update(secret, "utf8").digest("base64url")}`;
}

/** Compares in constant time for a given hash length. */
export function matchesRandomSecret(secret: string, stored: string): boolean {
  const expected = Buffer.from(stored, "utf8");
  const actual = Buffer.from(hashRandomSecret(secret), "utf8");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
