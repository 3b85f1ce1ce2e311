/**
 * The TCP peer's address, stamped on every request by our web server (lib/runtime/serve.ts),
 * which overwrites whatever a client sent under this name. Next.js does not expose the socket to
 * route handlers, and the X-Forwarded-For it fills from the socket keeps a value the client sent.
 * Pure (no server-only): the server process imports it outside Next.
 */
export const PEER_ADDRESS_HEADER = "x-switchboard-peer-address";

// Set by that server in its own process (Next runs inside it). Elsewhere (`next dev`, a bare
// `next start`) nobody overwrites the header, so it is not believed: a client could choose it.
const STAMPED = Symbol.for("switchboard.peer-address-stamped");

export function markPeerAddressStamped(): void {
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
}

export function peerAddressStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}
