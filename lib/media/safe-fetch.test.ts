import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchMedia, isPrivateAddress, urlProblem } from "./safe-fetch";

const PREFIX = "https://messaging.bandwidth.com/api/v2/users/9900001/media/";

describe("urlProblem", () => {
  it("accepts a file under the account's media path", () => {
    expect(urlProblem(`${PREFIX}msg-1/0/photo.jpg`, PREFIX)).toBeNull();
  });

  it.each([
    ["http://127.0.0.1:5432/", "not the Bandwidth media host"],
    ["https://evil.example.com/api/v2/users/9900001/media/x.jpg", "not the Bandwidth media host"],
    ["https://messaging.bandwidth.com.evil.example/api/v2/users/9900001/media/x", "not the Bandwidth media host"],
    ["file:///etc/passwd", "file: URLs are never fetched"],
    ["gopher://messaging.bandwidth.com/x", "gopher: URLs are never fetched"],
    ["https://user:pw@messaging.bandwidth.com/api/v2/users/9900001/media/x", "credentials"],
    ["https://messaging.bandwidth.com/api/v2/users/1234567/media/x.jpg", "not under the account's media path"],
    [
      "https://messaging.bandwidth.com/api/v2/users/9900001/media/../../1234567/messages",
      "not under the account's media path",
    ],
    [
      "https://messaging.bandwidth.com/api/v2/users/9900001/media/%2e%2e/%2e%2e/x",
      "not under the account's media path",
    ],
    ["https://messaging.bandwidth.com/api/v2/users/9900001/media/", "not under the account's media path"],
    ["not a url", "is not a URL"],
  ])("refuses %s", (url, reason) => {
    expect(urlProblem(url, PREFIX)).toContain(reason);
  });
});

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.9",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
  ])("%s is private", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
  it.each(["8.8.8.8", "216.82.236.1", "2607:f8b0::1", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe("fetchMedia", () => {
  let server: Server;
  let base: string;
  const seen: Array<{ url: string; authorization: string | undefined }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? "", authorization: request.headers.authorization });
      const path = request.url ?? "";
      if (path.endsWith("/photo.jpg"))
        response.writeHead(200, { "content-type": "image/jpeg" }).end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
      else if (path.endsWith("/to-database")) response.writeHead(302, { location: "http://127.0.0.1:5432/" }).end();
      else if (path.endsWith("/to-metadata"))
        response.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      else if (path.endsWith("/to-sibling")) response.writeHead(302, { location: "photo.jpg" }).end();
      else if (path.endsWith("/loop")) response.writeHead(302, { location: "loop" }).end();
      else if (path.endsWith("/big.bin")) response.writeHead(200).end(Buffer.alloc(5000));
      else if (path.endsWith("/big-declared.bin")) response.writeHead(200, { "content-length": "999999" }).end();
      else if (path.endsWith("/broken")) response.writeHead(503).end();
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/users/9900001/media/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // The account's Authorization header as lib/bandwidth/credentials.ts builds it (a Bearer token).
  const credentials = async () => "Bearer token-for-tests";
  const policy = () => ({ allowedPrefix: base, maxBytes: 4096, timeoutMs: 5000 });

  it("downloads with the account's Authorization header", async () => {
    const result = await fetchMedia(`${base}m1/0/photo.jpg`, credentials, policy());
    expect(result).toMatchObject({ kind: "ok", declaredType: "image/jpeg" });
    expect(result.kind === "ok" && result.bytes.length).toBe(7);
    expect(seen.at(-1)?.authorization).toBe("Bearer token-for-tests");
  });

  it("follows a redirect that stays under the media path", async () => {
    expect((await fetchMedia(`${base}m1/0/to-sibling`, credentials, policy())).kind).toBe("ok");
  });

  it("refuses a redirect to the database port or the cloud metadata address, without connecting", async () => {
    const before = seen.length;
    expect(await fetchMedia(`${base}m1/0/to-database`, credentials, policy())).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("redirected to http://127.0.0.1:5432/"),
    });
    expect(await fetchMedia(`${base}m1/0/to-metadata`, credentials, policy())).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("169.254.169.254"),
    });
    expect(seen.length - before).toBe(2); // only the two first hops reached our server
  });

  it("refuses a URL off the media base before any request", async () => {
    const before = seen.length;
    expect((await fetchMedia("http://127.0.0.1:5432/", credentials, policy())).kind).toBe("refused");
    expect(seen.length).toBe(before);
  });

  it("stops redirect loops", async () => {
    expect(await fetchMedia(`${base}m1/0/loop`, credentials, policy())).toMatchObject({
      kind: "refused",
      reason: "more than 3 redirects",
    });
  });

  it("caps the size, declared or streamed", async () => {
    expect((await fetchMedia(`${base}m1/0/big.bin`, credentials, policy())).kind).toBe("too-large");
    expect((await fetchMedia(`${base}m1/0/big-declared.bin`, credentials, policy())).kind).toBe("too-large");
  });

  it("tells a missing file from a failing server", async () => {
    expect(await fetchMedia(`${base}m1/0/missing.jpg`, credentials, policy())).toEqual({
      kind: "not-found",
      status: 404,
    });
    expect((await fetchMedia(`${base}m1/0/broken`, credentials, policy())).kind).toBe("error");
  });

  it("refuses a public media host whose name resolves to a private address (DNS rebinding)", async () => {
    const port = (server.address() as AddressInfo).port;
    const before = seen.length;
    const result = await fetchMedia(
      `http://media.example.test:${port}/api/v2/users/9900001/media/m1/0/photo.jpg`,
      credentials,
      {
        allowedPrefix: `http://media.example.test:${port}/api/v2/users/9900001/media/`,
        maxBytes: 4096,
        timeoutMs: 5000,
        resolve: async () => [{ address: "127.0.0.1", family: 4 }],
      },
    );
    expect(result).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("127.0.0.1, a private or loopback address"),
    });
    expect(seen.length).toBe(before);
  });
});
