/**
 * The TCP peer's address, stamped on every request by our web server (lib/runtime/serve.ts),
 * which overwrites whatever a client sent under this name. Next.js does not expose the socket to
 * route handlers, and the X-Forwarded-For it fills from the socket keeps a value the client sent.
 * Pure (no server-only): the server process imports it outside Next.
 */
export const PEER_ADDRESS_HEADER = "x-switchboard-peer-address";
