import { env } from "@/lib/env";

/**
 * The benchmark's baseline (npm run bench): a route that does nothing, so the webhook's cost can be
 * told apart from the framework's. Answers 404 unless BENCH_NOOP_ROUTE=true.
 */
export async function POST() {
  if (!env().BENCH_NOOP_ROUTE) return new Response(null, { status: 404 });
  return new Response(null, { status: 204 });
}
