import { describe, expect, it } from "vitest";
import { crossSiteProblem, ownOrigins } from "./same-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);
const origins = ownOrigins("http://localhost:3000/api/messages", "https://inbox.example.com");

describe("cross-site request refusal", () => {
  it("lets reads through and same-origin writes", () => {
    expect(crossSiteProblem("GET", headers({ origin: "https://evil.example" }), origins)).toBeNull();
    expect(
      crossSiteProblem(
        "POST",
        headers({ origin: "https://inbox.example.com", "sec-fetch-site": "same-origin" }),
        origins,
      ),
    ).toBeNull();
    expect(crossSiteProblem("POST", headers({ origin: "http://localhost:3000" }), origins)).toBeNull();
    // No browser involved (a script, Bandwidth): nothing rides on a user's cookie.
    expect(crossSiteProblem("POST", headers({}), origins)).toBeNull();
  });

  it("refuses writes from another origin, even of the same site", () => {
    expect(
      crossSiteProblem(
        "POST",
        headers({ origin: "https://files.example.com", "sec-fetch-site": "same-site" }),
        origins,
      ),
    ).toMatch(/Sec-Fetch-Site: same-site/);
    expect(crossSiteProblem("DELETE", headers({ origin: "http://localhost:3001" }), origins)).toMatch(
      /Origin: http:\/\/localhost:3001/,
    );
    expect(crossSiteProblem("PUT", headers({ "sec-fetch-site": "cross-site" }), origins)).toMatch(/cross-site/);
    expect(crossSiteProblem("PATCH", headers({ origin: "null" }), origins)).toMatch(/Origin: null/);
  });
});
