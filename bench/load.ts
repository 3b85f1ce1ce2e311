import autocannon from "autocannon";

export type LoadResult = {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  seconds: number;
};

/** Drives `connections` concurrent connections for `seconds`, each request's body from `body()`. */
export async function load(options: {
  url: string;
  headers: Record<string, string>;
  body: () => string;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      { method: "POST", headers: options.headers, setupRequest: (request) => ({ ...request, body: options.body() }) },
    ],
  });
  const ok = result["2xx"];
  return {
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    perSecond: ok / options.seconds,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    seconds: options.seconds,
  };
}
