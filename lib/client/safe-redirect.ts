// Stands in for this site's origin when the caller does not know it: only relative paths match it.
const THIS_SITE = "https://switchboard.invalid";

// Browsers drop tabs and newlines inside URLs ("/\t/evil" becomes "//evil") and a newline in a
// Location header is a 500; C0 controls and DEL are never part of a path we link to.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Where to go after sign-in: a path on this site, or `fallback`. The candidate (a query parameter,
 * so anything) is resolved the way a browser would, against `origin`, and followed only when it
 * stays on that origin; the sign-in page itself and the API are never targets.
 */
export function safeRedirectPath(candidate: unknown, origin = THIS_SITE, fallback = "/conversations"): string {
  if (typeof candidate !== "string" || candidate === "" || CONTROL_CHARACTERS.test(candidate)) return fallback;
  let target: URL;
  try {
    target = new URL(candidate, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== new URL(origin).origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  if (/^\/(sign-in|api)(\/|\?|#|$)/.test(path)) return fallback;
  return path;
}
