import { expect, test } from "@playwright/test";

// Issue 13 (7): SameSite=Lax alone let a sibling subdomain or another port post to our API with the
// user's cookie. Every state-changing route now refuses a request from another origin.

test.use({ storageState: "e2e/.auth/admin.json" });

const SOME_ID = "00000000-0000-4000-8000-000000000000";
const ROUTES = [
  { method: "POST", url: `/api/messages/${SOME_ID}/retry` },
  { method: "POST", url: "/api/uploads?name=note.txt" },
  { method: "POST", url: `/api/admin/accounts/${SOME_ID}/test` },
  { method: "PUT", url: `/api/conversations/${SOME_ID}/read` },
];

test("state-changing routes refuse another origin of the same site, as a form or a fetch would send it", async ({
  request,
  baseURL,
}) => {
  const otherPort = baseURL!.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`);
  for (const { method, url } of ROUTES) {
    const refusedHeaders: Array<Record<string, string>> = [
      { origin: otherPort, "content-type": "text/plain" },
      { origin: "http://files.localhost", "sec-fetch-site": "same-site", "content-type": "text/plain" },
    ];
    for (const headers of refusedHeaders) {
      const response = await request.fetch(url, { method, headers, data: "hello" });
      expect(response.status(), `${method} ${url} from ${headers.origin}`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_site_request");
    }
    // The same request from our own origin reaches the route (which then answers for itself).
    const own = await request.fetch(url, { method, headers: { origin: baseURL!, "sec-fetch-site": "same-origin" } });
    expect(own.status(), `${method} ${url} from our origin`).not.toBe(403);
  }
});

// Issue 13 (12): pages carry a nonce-based CSP (and the app still works under it), a
// Permissions-Policy and a Referrer-Policy; HSTS only over https.
test("pages are served with a nonce-based Content-Security-Policy that the app runs under", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/conversations");
  const headers = response!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toBeUndefined();
  const scripts = await page
    .locator("script")
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);
  await expect(page.getByRole("list", { name: "Conversations" })).toBeVisible();
  const again = await page.goto("/conversations");
  expect(/'nonce-([^']+)'/.exec(again!.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
  expect(violations).toEqual([]);
});
