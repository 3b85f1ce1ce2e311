import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Public: load balancers and the start script ask it. 200 when the database answers and the webhook is not saturated, else 503 with the reason. */
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store", ...(health.status === "ok" ? {} : { "retry-after": "5" }) },
  });
}
