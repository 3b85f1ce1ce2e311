import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";

// Issue 13: random and adversarial requests against every JSON route, signed in as an admin
// (the widest access): bad bodies, content types, headers and path parameters get a 4xx, never a
// 5xx, and the server stays healthy. Bounded: a few hundred requests in all.

test.use({ storageState: "e2e/.auth/admin.json" });

type Route = { template: string; method: string };

// Every API route file with the methods it exports; next-auth's, the benchmark's, the live stream
// and the webhook (fuzzed with its credentials in lib/messaging) aside.
function apiRoutes(dir = path.join("app", "api")): Route[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return apiRoutes(full);
    if (entry !== "route.ts") return [];
    const template = `/${path.dirname(full).replace(/^app\//, "")}`;
    // The live stream never ends by design (it is checked in events.spec.ts).
    if (/\/api\/(auth|bench|webhooks|events)\//.test(`${template}/`)) return [];
    const methods = [...readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)];
    return methods.map((match) => ({ template, method: match[1] ?? "GET" }));
  });
}

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "\ud800", "\udfff", "%", "%25", "%00", "../../etc/passwd", "' OR 1=1--", "😀".repeat(30)),
  fc.constantFrom("0000-01-01T00:00:00Z", "+1", "+19195550100", "00000000-0000-4000-8000-000000000000"),
  fc.string({ minLength: 3000, maxLength: 5000 }),
);
// Percent-encoded byte by byte (a lone surrogate becomes U+FFFD's bytes), plus raw sequences that
// are not UTF-8 at all.
const percentEncoded = (value: string) =>
  [...Buffer.from(value, "utf8")].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
const pathParam = fc.oneof(
  fc.oneof(hostileText, fc.uuid()).map((value) => percentEncoded(value).slice(0, 3000) || "x"),
  fc.constantFrom("%", "%FF", "%C0%AF", "%E2%82", "%2e%2e", "%00"),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom(
      "name",
      "text",
      "to",
      "from",
      "q",
      "password",
      "label",
      "email",
      "role",
      "mediaIds",
      "accountId",
      "credentialSecret",
      "conversationId",
      "graceHours",
      "active",
    ),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText),
  ),
  hostileText,
);
const contentType = fc.constantFrom(
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "image/png",
  "",
);
// Query values stay short: a request line past Node's 16 KB header limit never reaches the app.
const query = fc.dictionary(
  fc.constantFrom("q", "cursor", "before", "limit", "ownerNumber", "action", "targetType", "actorId", "name"),
  hostileText.map((value) => value.slice(0, 300)),
  { maxKeys: 3 },
);

test("no random or adversarial request makes any JSON route answer 5xx", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const routes = apiRoutes();
  expect(routes.length).toBeGreaterThan(15);
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes),
      pathParam,
      body,
      contentType,
      query,
      async (route, param, data, type, search) => {
        const url = `${route.template.replace(/\[(\.\.\.)?\w+\]/g, param)}?${new URLSearchParams(search)}`;
        const headers: Record<string, string> = { origin: baseURL! };
        if (type) headers["content-type"] = type;
        const raw = typeof data === "string" ? data : JSON.stringify(data);
        const response = await request.fetch(url, {
          method: route.method,
          headers,
          ...(route.method === "GET" ? {} : { data: Buffer.from(raw ?? "null") }),
          maxRedirects: 0,
        });
        if (response.status() >= 500)
          failures.push(`${route.method} ${url.slice(0, 200)} ${raw?.slice(0, 200)} → ${response.status()}`);
        return response.status() < 500;
      },
    ),
    { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
  );
  expect(failures).toEqual([]);
  expect((await request.get("/api/health")).status()).toBe(200);
});
