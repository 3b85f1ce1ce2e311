// Runs once when a server instance starts: a bad environment stops it here, with every problem
// listed, instead of failing on the first request that needs the missing value.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
  }
}
