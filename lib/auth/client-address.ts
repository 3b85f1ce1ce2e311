import "server-only";
import { env } from "@/lib/env";

type Headers = Record<string, string | string[] | undefined>;

/** The caller's address: the proxy's view when we trust one, else the nearest hop's. */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  const forwarded = headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const realIp = headers["x-real-ip"];
  const address = trustProxy ? hops[0] : hops[hops.length - 1];
  return address ?? (typeof realIp === "string" ? realIp : "unknown");
}

/** The address of a route handler's caller, for rate limits. */
export function requestAddress(request: Request): string {
  return clientAddress(Object.fromEntries(request.headers), env().TRUST_PROXY);
}
