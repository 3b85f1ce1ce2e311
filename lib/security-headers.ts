// The headers every page is served with: a nonce-based Content-Security-Policy (Next.js puts the
// nonce on its own scripts), HSTS when the page came over https, and a Permissions-Policy that
// turns off what an inbox never uses. Pure: proxy.ts applies it, a unit test reads it.

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // Only scripts carrying this response's nonce (and what they load) run; no inline handlers.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Server-rendered style attributes (the virtualised thread's positions) need inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), clipboard-write=(self)";

/** Two years, subdomains included: once a browser has seen the app over https it never asks over http. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
