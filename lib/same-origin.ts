// Cross-site request refusal for state-changing API calls. SameSite=Lax cookies alone let a
// sibling subdomain or another port (same site, other origin) post a `text/plain` form or fetch:
// so every POST, PUT, PATCH and DELETE must come from our own origin. Pure: unit-tested.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a request must be refused as cross-site, or null. Browsers send `Sec-Fetch-Site` (and
 * `Origin` on every state-changing request); a request with neither comes from no browser (a
 * script with its own credentials, Bandwidth's callbacks) and cannot ride on a user's cookie.
 */
export function crossSiteProblem(
  method: string,
  headers: { get(name: string): string | null },
  allowedOrigins: readonly string[],
): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") {
    return `cross-site request refused (Sec-Fetch-Site: ${fetchSite})`;
  }
  const origin = headers.get("origin");
  if (origin !== null && !allowedOrigins.includes(origin))
    return `cross-origin request refused (Origin: ${origin.slice(0, 100)})`;
  return null;
}

/** Our own origins: the one the request was addressed to and the configured public URL. */
export function ownOrigins(requestUrl: string, publicUrl: string | undefined): string[] {
  const origins = [new URL(requestUrl).origin];
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  return origins;
}
