import "server-only";
import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER, peerAddressStamped } from "./peer-address";

type Headers = Record<string, string | string[] | undefined>;

/**
 * The caller's address, for rate limits. Behind a trusted proxy (TRUST_PROXY=true): the address
 * that proxy appended to X-Forwarded-For (the last hop; earlier ones are the client's to write),
 * else its X-Real-IP. Otherwise forwarded headers are ignored, as anyone can send them: the
 * connection's peer address. Served some other way than lib/runtime/serve.ts (`next dev`), there
 * is none, and every caller shares one bucket: stricter, never bypassable.
 */
export function clientAddress(headers: Headers, trustProxy: boolean, peerStamped = peerAddressStamped()): string {
  const peer = peerStamped ? single(headers[PEER_ADDRESS_HEADER]) : undefined;
  if (!trustProxy) return peer ?? "unknown";
  const forwarded = headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops[hops.length - 1] ?? single(headers["x-real-ip"]) ?? peer ?? "unknown";
}

/** The address of a route handler's caller, for rate limits. */
export function requestAddress(request: Request): string {
  return clientAddress(Object.fromEntries(request.headers), env().TRUST_PROXY);
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}
