import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { saveScreen } from "./support/screens";

// Every API route file in the app with the methods it exports, as a URL with sample parameters.
function apiRoutes(dir = path.join("app", "api")): Array<{ url: string; method: string }> {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return apiRoutes(full);
    if (entry !== "route.ts") return [];
    const url = `/${path
      .dirname(full)
      .replace(/^app\//, "")
      .replace(/\[\.\.\.\w+\]/g, "session")
      .replace(/\[\w+\]/g, "00000000-0000-4000-8000-000000000000")}`;
    const methods = [
      ...readFileSync(full, "utf8").matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => m[1] ?? "GET");
    return methods.map((method) => ({ url, method }));
  });
}

// Public by design: the health check, next-auth's own endpoints, Bandwidth's webhook (own auth), and the
// benchmark's do-nothing route (404 unless BENCH_NOOP_ROUTE=true), and accepting an invitation (its token is the credential).
const PUBLIC = [/^\/api\/health$/, /^\/api\/auth\//, /^\/api\/webhooks\//, /^\/api\/bench\//, /^\/api\/invites\//];

test.describe("anonymous visitors", () => {
  test("get 401 JSON from every inbox and admin API, not a redirect", async ({ request }) => {
    const routes = apiRoutes().filter((route) => !PUBLIC.some((pattern) => pattern.test(route.url)));
    expect(routes).toEqual(
      expect.arrayContaining([
        { url: "/api/conversations", method: "GET" },
        { url: "/api/messages", method: "POST" },
        { url: "/api/admin/users", method: "GET" },
      ]),
    );
    for (const { url, method } of routes) {
      const response = await request.fetch(url, { method, maxRedirects: 0, ...(method === "GET" ? {} : { data: {} }) });
      expect(response.status(), `${method} ${url}`).toBe(401);
      expect(await response.json(), `${method} ${url}`).toMatchObject({ error: { code: "unauthenticated" } });
    }
  });

  test("can ask for health", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
  });

  test("get a clear 4xx, never a 500, for bad sign-in input", async ({ request }) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    for (const form of [
      { email: "not-an-email", password: "x" },
      { email: "", password: "" },
      { email: "a@b.co", password: "p".repeat(5000) },
    ]) {
      const response = await request.post("/api/auth/callback/credentials", {
        form: { ...form, csrfToken, json: "true" },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(401);
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url).searchParams.get("error")).toMatch(/Enter|too long/);
    }
    const withoutCsrf = await request.post("/api/auth/callback/credentials", { data: "garbage", maxRedirects: 0 });
    expect(withoutCsrf.status()).toBeLessThan(500);
  });
});

test.describe("an agent", () => {
  test.use({ storageState: "e2e/.auth/agent.json" });

  test("is refused every admin page with a 403 page", async ({ page }, testInfo) => {
    for (const url of ["/admin", "/admin/audit"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    }
    await saveScreen(page, testInfo, "admin-refused-to-agent");
  });

  test("gets 403 JSON from every admin API, whatever the input", async ({ page }) => {
    const routes = apiRoutes().filter((route) => route.url.startsWith("/api/admin/"));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const { url, method } of routes) {
      const response = await page.request.fetch(url, {
        method,
        maxRedirects: 0,
        ...(method === "GET" ? {} : { data: { role: "ADMIN", active: true } }),
      });
      expect(response.status(), `${method} ${url}`).toBe(403);
      expect(await response.json(), `${method} ${url}`).toMatchObject({ error: { code: "forbidden" } });
    }
  });

  test("gets clear 4xx JSON for bad API input", async ({ page }) => {
    const cases: Array<[string, number, string]> = [
      ["/api/conversations?limit=abc", 400, "invalid_request"],
      ["/api/conversations?limit=1000", 400, "invalid_request"],
      ["/api/conversations?cursor=nonsense", 400, "invalid_cursor"],
      ["/api/conversations/not-a-uuid/messages", 400, "invalid_request"],
      ["/api/conversations/00000000-0000-4000-8000-000000000000/messages", 404, "not_found"],
    ];
    for (const [url, status, code] of cases) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(status);
      expect(await response.json(), url).toMatchObject({ error: { code, message: expect.any(String) } });
    }
  });
});

test.describe("an admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("sees the configuration without secrets", async ({ page }, testInfo) => {
    await page.goto("/admin");
    for (const section of ["Bandwidth accounts", "Applications", "Numbers", "Agents"]) {
      await expect(page.getByRole("heading", { name: section })).toBeVisible();
    }
    await expect(page.getByText("sandbox-api-password")).toHaveCount(0);
    await expect(page.getByText("/api/webhooks/bandwidth/d6e5b1a2-5c1e-4b8e-9a57-3c0f3a9e7b10")).toBeVisible();
    await saveScreen(page, testInfo, "admin-overview");
  });

  test("can list users through the admin API", async ({ page }) => {
    const response = await page.request.get("/api/admin/users");
    expect(response.status()).toBe(200);
    const { users } = (await response.json()) as { users: Array<{ email: string; passwordHash?: string }> };
    expect(users.map((user) => user.email)).toEqual(expect.arrayContaining(["admin@example.com", "agent@example.com"]));
    expect(JSON.stringify(users)).not.toContain("argon2");
  });
});
