import { afterAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { forbidden, HttpError } from "@/lib/errors";
import { testDb } from "@/lib/testing/test-database";

// The admin route as Next calls it, signed in as `signedIn` (the session is the one thing faked).
let signedIn: CurrentUser | null = null;
vi.mock("@/lib/auth/session", () => ({
  requireApiAdmin: async () => {
    if (!signedIn) throw new HttpError(401, "unauthenticated", "Sign in to use this API.");
    if (signedIn.role !== "ADMIN") throw forbidden("Only admins may do this.");
    return signedIn;
  },
}));
const catchUpRoute = await import("@/app/api/admin/catch-up/route");

afterAll(async () => {
  await testDb().$disconnect();
  await db().$disconnect();
});

const person = (role: "ADMIN" | "AGENT"): CurrentUser => ({
  id: crypto.randomUUID(),
  email: `${role.toLowerCase()}@example.com`,
  name: role,
  role,
  active: true,
});
const get = (query = "") => catchUpRoute.GET(new Request(`http://localhost/api/admin/catch-up${query}`), undefined);

describe("GET /api/admin/catch-up", () => {
  it("shows admins each run, newest first, with what it found and its error; nobody else", async () => {
    const older = await testDb().catchUpRun.create({
      data: { startedAt: new Date(Date.now() - 60_000), finishedAt: new Date(), requests: 3, inboundAdded: 1 },
    });
    const newer = await testDb().catchUpRun.create({ data: { error: "outbound: account 123: refused" } });
    signedIn = person("ADMIN");
    const response = await get("?limit=2");
    expect(response.status).toBe(200);
    const { runs } = (await response.json()) as { runs: Array<Record<string, unknown>> };
    expect(runs.map((run) => run.id)).toEqual([newer.id, older.id]);
    expect(runs[1]).toMatchObject({ requests: 3, inboundAdded: 1, error: null, finishedAt: expect.any(String) });
    expect(runs[0]).toMatchObject({ error: "outbound: account 123: refused", finishedAt: null });

    expect((await get("?limit=0")).status).toBe(400);
    signedIn = person("AGENT");
    expect((await get()).status).toBe(403);
    signedIn = null;
    expect((await get()).status).toBe(401);
  });
});
