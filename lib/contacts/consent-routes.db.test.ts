import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { forbidden, HttpError } from "@/lib/errors";
import { db } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import { closeTestPool, testDb, unique, uniqueNumber } from "@/lib/testing/test-database";
import { testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";

// The consent routes as Next calls them, signed in as `signedIn` (the session is the one thing faked).
let signedIn: CurrentUser | null = null;
vi.mock("@/lib/auth/session", () => ({
  requireApiUser: async () => {
    if (!signedIn) throw new HttpError(401, "unauthenticated", "Sign in to use this API.");
    return signedIn;
  },
  requireApiAdmin: async () => {
    if (!signedIn) throw new HttpError(401, "unauthenticated", "Sign in to use this API.");
    if (signedIn.role !== "ADMIN") throw forbidden("Only admins may do this.");
    return signedIn;
  },
}));

const consentRoute = await import("@/app/api/consent/route");
const importRoute = await import("@/app/api/admin/opt-outs/import/route");
const listRoute = await import("@/app/api/admin/opt-outs/route");
const exportRoute = await import("@/app/api/admin/opt-outs/export/route");
const settingsRoute = await import("@/app/api/admin/accounts/[id]/consent/route");

let app: TestApplication;
let admin: CurrentUser;
let agent: CurrentUser;
let accountId: string;
beforeAll(async () => {
  app = await testApplication();
  accountId = (await testDb().bandwidthApplication.findUniqueOrThrow({ where: { applicationId: app.applicationId } }))
    .accountId;
  for (const role of ["ADMIN", "AGENT"] as const) {
    const row = await testDb().user.create({
      data: { email: `${unique("routes")}@example.com`, name: `Route ${role}`, passwordHash: "x", role },
    });
    const user = { id: row.id, email: row.email, name: row.name, role, active: true };
    if (role === "ADMIN") admin = user;
    else agent = user;
  }
});
afterAll(async () => {
  await stopJobQueue();
  await Promise.all([db().$disconnect(), testDb().$disconnect(), closeTestPool()]);
});

const BASE = "http://localhost:3000";
const json = (path: string, method: string, body: unknown) =>
  new Request(`${BASE}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const answer = async (response: Response) => ({
  status: response.status,
  body: response.headers.get("content-type")?.includes("json")
    ? ((await response.json()) as unknown)
    : await response.text(),
});

describe("consent routes", () => {
  it("POST /api/consent: 201 with the entry, 400 naming the problem, 401 signed out", async () => {
    const owner = await app.number();
    const customer = uniqueNumber();
    signedIn = agent;
    const created = await answer(
      await consentRoute.POST(
        json("/api/consent", "POST", { phoneNumber: customer, ourNumber: owner, action: "opt_out", reason: "asked" }),
        undefined,
      ),
    );
    expect(created).toMatchObject({ status: 201, body: { action: "opt_out", source: "agent", byName: "Route AGENT" } });

    const noConsent = await answer(
      await consentRoute.POST(
        json("/api/consent", "POST", { phoneNumber: customer, ourNumber: owner, action: "opt_in", reason: "x" }),
        undefined,
      ),
    );
    expect(noConsent).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringMatching(/customerConsented/) } },
    });

    const state = await answer(
      await consentRoute.GET(
        new Request(
          `${BASE}/api/consent?phoneNumber=${encodeURIComponent(customer)}&ourNumber=${encodeURIComponent(owner)}`,
        ),
        undefined,
      ),
    );
    expect(state).toMatchObject({
      status: 200,
      body: { optedOut: { phoneNumber: customer }, history: [{ action: "opt_out" }] },
    });
    const bad = await answer(await consentRoute.GET(new Request(`${BASE}/api/consent?phoneNumber=12`), undefined));
    expect(bad.status).toBe(400);

    signedIn = null;
    expect((await consentRoute.GET(new Request(`${BASE}/api/consent`), undefined)).status).toBe(401);
  });

  it("the admin routes: 403 for agents; import 415/413/200; list; export as a CSV attachment; settings", async () => {
    signedIn = agent;
    expect((await listRoute.GET(new Request(`${BASE}/api/admin/opt-outs`), undefined)).status).toBe(403);

    signedIn = admin;
    const csvRequest = (body: string, type = "text/csv") =>
      new Request(`${BASE}/api/admin/opt-outs/import?accountId=${accountId}`, {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
    expect((await importRoute.POST(csvRequest("+19195550100", "application/json"), undefined)).status).toBe(415);
    expect((await importRoute.POST(csvRequest("x".repeat(1024 * 1024 + 1)), undefined)).status).toBe(413);
    const number = uniqueNumber();
    const imported = await answer(
      await importRoute.POST(csvRequest(`phone_number,reason\n${number},old list\nnope`), undefined),
    );
    expect(imported).toEqual({
      status: 200,
      body: { imported: 1, skipped: 0, problems: [{ line: 3, problem: '"nope" is not a phone number' }] },
    });

    const listed = await answer(
      await listRoute.GET(new Request(`${BASE}/api/admin/opt-outs?q=${number.slice(2)}`), undefined),
    );
    expect(listed).toMatchObject({ status: 200, body: { items: [{ phoneNumber: number, reason: "old list" }] } });
    expect((await listRoute.GET(new Request(`${BASE}/api/admin/opt-outs?limit=0`), undefined)).status).toBe(400);

    const exported = await exportRoute.GET(
      new Request(`${BASE}/api/admin/opt-outs/export?accountId=${accountId}`),
      undefined,
    );
    expect(exported.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="opt-outs-/);
    expect(await exported.text()).toContain(`${number},account,,import,old list,Route ADMIN,`);

    const context = { params: Promise.resolve({ id: accountId }) };
    const settings = await answer(
      await settingsRoute.GET(new Request(`${BASE}/api/admin/accounts/${accountId}/consent`), context),
    );
    expect(settings).toMatchObject({ status: 200, body: { scope: "account" } });
    const empty = await answer(
      await settingsRoute.PATCH(json(`/api/admin/accounts/${accountId}/consent`, "PATCH", {}), context),
    );
    expect(empty.status).toBe(400);
    const unknown = { params: Promise.resolve({ id: "not-a-uuid" }) };
    expect((await settingsRoute.GET(new Request(`${BASE}/api/admin/accounts/x/consent`), unknown)).status).toBe(404);
  });
});
