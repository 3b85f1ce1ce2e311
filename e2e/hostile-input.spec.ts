import { expect, test } from "@playwright/test";

// Issue 13 (8): inputs that gave a 500. Each now gets a 4xx with a JSON body naming the problem.

test.use({ storageState: "e2e/.auth/admin.json" });

const NUL = "\u0000";
const LONE = "\ud800";
const yearZeroCursor = Buffer.from(
  JSON.stringify({ at: "0000-01-01T00:00:00.000Z", id: "00000000-0000-4000-8000-000000000000" }),
).toString("base64url");

test("inputs that used to crash the JSON API get a clear 4xx", async ({ request, baseURL }) => {
  const headers = { origin: baseURL! };
  const cases: Array<{ method: string; url: string; data?: unknown }> = [
    { method: "PUT", url: "/api/contacts/%25", data: { name: "x" } },
    { method: "POST", url: "/api/invites/%E2%82", data: { password: "x" } },
    { method: "GET", url: "/api/conversations/%FF" },
    // PostgreSQL refuses NUL in text: the webhook must not ask it about such an application id.
    { method: "POST", url: "/api/webhooks/bandwidth/%00", data: [] },
    { method: "GET", url: `/api/conversations?q=${encodeURIComponent(`a${NUL}b`)}` },
    { method: "GET", url: `/api/conversations?cursor=${yearZeroCursor}` },
    { method: "GET", url: `/api/admin/audit?action=${encodeURIComponent(`x${NUL}`)}` },
    { method: "PUT", url: `/api/contacts/${encodeURIComponent("+15555550123")}`, data: { name: `Robin${NUL}` } },
    { method: "PUT", url: `/api/contacts/${encodeURIComponent("+15555550123")}`, data: { name: `Robin${LONE}` } },
    {
      method: "POST",
      url: "/api/admin/users",
      data: { email: "nul@example.com", name: `Nul${NUL}`, access: "invite" },
    },
    {
      method: "POST",
      url: "/api/admin/users",
      data: { email: "half@example.com", name: `Half${LONE}`, access: "invite" },
    },
    {
      method: "POST",
      url: "/api/admin/accounts",
      data: { accountId: "123", name: `Acc${NUL}`, credentialId: "c", credentialSecret: "s" },
    },
    { method: "POST", url: "/api/messages", data: { from: "+19195550100", to: "+15555550123", text: `hi${NUL}` } },
  ];
  for (const { method, url, data } of cases) {
    const response = await request.fetch(url, { method, headers, ...(data === undefined ? {} : { data }) });
    const label = `${method} ${url} ${JSON.stringify(data ?? "")}`;
    expect(response.status(), label).toBeGreaterThanOrEqual(400);
    expect(response.status(), label).toBeLessThan(500);
    expect(((await response.json()) as { error: { message: string } }).error.message, label).toBeTruthy();
  }
  const numbers = await request.get("/api/admin/numbers");
  const [number] = ((await numbers.json()) as { numbers: Array<{ id: string; source: string }> }).numbers.filter(
    (entry) => entry.source !== "ENVIRONMENT",
  );
  if (number) {
    const response = await request.patch(`/api/admin/numbers/${number.id}`, { headers, data: { label: `L${NUL}` } });
    expect(response.status()).toBe(400);
  }
});
