import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Downloads one media file from Bandwidth without becoming a tool for server-side request
 * forgery: only http(s) URLs under the configured media base are fetched, every redirect is
 * checked by the same rule, and the address a name resolves to is checked before connecting (and
 * used for the connection, so a second lookup cannot swap it). Private, loopback and link-local
 * addresses are refused unless the media base itself is on one (the embedded sandbox).
 */

export type MediaFetchPolicy = {
  /** e.g. https://messaging.bandwidth.com/api/v2/users/9900001/media/ */
  allowedPrefix: string;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /** DNS resolution (injected by tests). */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
};

export type MediaFetchResult =
  | { kind: "ok"; bytes: Buffer; declaredType: string | null }
  /** Not a URL we may fetch: never retried. */
  | { kind: "refused"; reason: string }
  /** Bigger than allowed: never retried. */
  | { kind: "too-large"; reason: string }
  /** 404/410: gone, or not there yet; retried until Bandwidth's 48 hours are over. */
  | { kind: "not-found"; status: number }
  /** Anything else (401/403, 5xx, network): retried with backoff. */
  | { kind: "error"; reason: string; status?: number };

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** Loopback, private, link-local, carrier-grade NAT, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && address.toLowerCase().startsWith("::ffff:")) {
    const v4 = address.slice(7);
    if (isIP(v4) === 4) return PRIVATE.check(v4, "ipv4");
  }
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why `url` may not be fetched under `allowedPrefix` (null when it may). Pure. */
export function urlProblem(url: string, allowedPrefix: string): string | null {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(allowedPrefix);
  } catch {
    return `'${url.slice(0, 200)}' is not a URL`;
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return `${target.protocol} URLs are never fetched`;
  if (target.username || target.password) return "URLs with credentials in them are never fetched";
  if (target.origin !== base.origin) return `${target.host} is not the Bandwidth media host (${base.host})`;
  const prefix = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  if (!target.pathname.startsWith(prefix) || target.pathname.length === prefix.length)
    return `${target.pathname} is not under the account's media path (${prefix})`;
  return null;
}

function hostOf(prefix: string): string {
  return new URL(prefix).hostname.replace(/^\[|\]$/g, "");
}

/** The media base is itself on a private network (the sandbox on 127.0.0.1, a test double). */
function baseIsPrivate(prefix: string): boolean {
  const host = hostOf(prefix);
  return host === "localhost" || (isIP(host) !== 0 && isPrivateAddress(host));
}

export async function fetchMedia(
  url: string,
  authorize: () => Promise<string>,
  policy: MediaFetchPolicy,
): Promise<MediaFetchResult> {
  const maxRedirects = policy.maxRedirects ?? 3;
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    const problem = urlProblem(current, policy.allowedPrefix);
    if (problem)
      return { kind: "refused", reason: hop === 0 ? problem : `redirected to ${current.slice(0, 200)}: ${problem}` };
    // Credentials are asked for only once the URL passed: a refused one costs no token either.
    const answer = await requestOnce(new URL(current), await authorize(), policy);
    if (answer.kind !== "redirect") return answer;
    current = new URL(answer.location, current).toString();
  }
  return { kind: "refused", reason: `more than ${maxRedirects} redirects` };
}

type Answer = MediaFetchResult | { kind: "redirect"; location: string };

function requestOnce(url: URL, authorization: string, policy: MediaFetchPolicy): Promise<Answer> {
  const allowPrivate = baseIsPrivate(policy.allowedPrefix);
  const resolve =
    policy.resolve ??
    ((hostname: string) =>
      new Promise<LookupAddress[]>((ok, fail) =>
        dnsLookup(hostname, { all: true }, (error, addresses) => (error ? fail(error) : ok(addresses))),
      ));
  let refusedAddress: string | null = null;
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const blocked = allowPrivate ? undefined : addresses.find((entry) => isPrivateAddress(entry.address));
        if (blocked || addresses.length === 0) {
          refusedAddress = blocked?.address ?? "no address";
          callback(Object.assign(new Error(`refused address ${refusedAddress}`), { code: "EREFUSEDADDRESS" }), "", 4);
          return;
        }
        if ((options as { all?: boolean }).all) callback(null, addresses as never);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) !== 0 && !allowPrivate && isPrivateAddress(literal)) {
    return Promise.resolve({ kind: "refused", reason: `${literal} is a private or loopback address` });
  }

  return new Promise<Answer>((settle) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      { method: "GET", headers: { authorization, accept: "*/*" }, lookup, timeout: policy.timeoutMs },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          settle({ kind: "redirect", location: response.headers.location });
          return;
        }
        if (status !== 200) {
          response.resume();
          settle(
            status === 404 || status === 410
              ? { kind: "not-found", status }
              : { kind: "error", reason: `Bandwidth answered HTTP ${status}`, status },
          );
          return;
        }
        const declared = Number(response.headers["content-length"] ?? "NaN");
        if (declared > policy.maxBytes) {
          request.destroy();
          settle({
            kind: "too-large",
            reason: `the file is ${declared} bytes, over the ${policy.maxBytes}-byte limit`,
          });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBytes) {
            request.destroy();
            settle({ kind: "too-large", reason: `the file is over the ${policy.maxBytes}-byte limit` });
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () =>
          settle({ kind: "ok", bytes: Buffer.concat(chunks), declaredType: response.headers["content-type"] ?? null }),
        );
        response.on("error", (error) => settle({ kind: "error", reason: error.message }));
      },
    );
    request.on("timeout", () =>
      request.destroy(Object.assign(new Error(`no answer within ${policy.timeoutMs} ms`), { code: "ETIMEDOUT" })),
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (refusedAddress)
        settle({
          kind: "refused",
          reason: `${url.hostname} resolves to ${refusedAddress}, a private or loopback address`,
        });
      else settle({ kind: "error", reason: `${error.code ?? "error"}: ${error.message}` });
    });
    request.end();
  });
}
