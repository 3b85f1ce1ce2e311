import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responseProblems } from "../testing/openapi";
import { ACCOUNT, settle, startSandbox } from "../testing/harness";

const MEDIA = "/users/{accountId}/media/{mediaId}";
const LIST = "/users/{accountId}/media";
const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f30000000049454e44ae426082",
  "hex",
);

let harness: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  harness = await startSandbox({ mediaListPageSize: 2, mediaMaxBytes: 1024 });
});
afterAll(() => harness.sandbox.close());

const media = () => harness.sdk().media;
const upload = (name: string, body: Buffer, contentType = "image/png") =>
  settle(media().uploadMedia(ACCOUNT, name, body as never, contentType));

describe("media through the official SDK", () => {
  it("uploads, reads back, lists with a continuation token and deletes", async () => {
    for (const name of ["a.png", "b.png", "c.png"]) expect((await upload(name, png)).status).toBe(204);
    const got = await settle(media().getMedia(ACCOUNT, "a.png", { responseType: "arraybuffer" }));
    expect(got.status).toBe(200);
    expect(Buffer.from(got.data as ArrayBuffer).equals(png)).toBe(true);
    expect(got.headers["content-type"]).toBe("image/png");

    const first = await settle(media().listMedia(ACCOUNT));
    expect(responseProblems(LIST, "get", 200, first.data)).toEqual([]);
    expect((first.data as Array<{ mediaName: string }>).map((item) => item.mediaName)).toEqual(["a.png", "b.png"]);
    const token = first.headers["continuation-token"];
    expect(token).toBeTruthy();
    const second = await settle(media().listMedia(ACCOUNT, token));
    expect(second.data as Array<{ mediaName: string; contentLength: number }>).toEqual([
      expect.objectContaining({ mediaName: "c.png", contentLength: png.length }),
    ]);
    expect(second.headers["continuation-token"]).toBeUndefined();

    expect((await settle(media().deleteMedia(ACCOUNT, "c.png"))).status).toBe(204);
    const gone = await settle(media().getMedia(ACCOUNT, "c.png"));
    expect(gone.status).toBe(404);
  });

  it("overwrites a file uploaded again under the same name", async () => {
    await upload("same.txt", Buffer.from("one"), "text/plain");
    await upload("same.txt", Buffer.from("two"), "text/plain");
    const got = await settle(media().getMedia(ACCOUNT, "same.txt", { responseType: "arraybuffer" }));
    expect(Buffer.from(got.data as ArrayBuffer).toString()).toBe("two");
  });

  it("keeps names with slashes, as inbound media ids have", async () => {
    expect((await upload("1589228074636abc/0/photo.png", png)).status).toBe(204);
    expect((await settle(media().getMedia(ACCOUNT, "1589228074636abc/0/photo.png"))).status).toBe(200);
  });

  it("refuses unsupported types and oversize files in Bandwidth's error shape", async () => {
    const wrongType = await upload("x.exe", png, "application/x-msdownload");
    expect(wrongType.status).toBe(415);
    expect(responseProblems(MEDIA, "put", 415, wrongType.data)).toEqual([]);
    const tooBig = await upload("big.png", Buffer.alloc(2048, 1));
    expect(tooBig.status).toBe(400);
    expect(responseProblems(MEDIA, "put", 400, tooBig.data)).toEqual([]);
    expect(tooBig.data).toMatchObject({ description: expect.stringMatching(/at most 1024 bytes/) });
  });

  it("always needs a valid Bearer token", async () => {
    const anonymous = await fetch(`${harness.url}/api/v2/users/${ACCOUNT}/media/a.png`);
    expect(anonymous.status).toBe(401);
    expect(responseProblems(MEDIA, "get", 401, await anonymous.json())).toEqual([]);
    const wrong = await settle(harness.sdkWithToken("nope").media.listMedia(ACCOUNT));
    expect(wrong.status).toBe(401);
    const legacy = await settle(harness.legacySdk().media.listMedia(ACCOUNT));
    expect(legacy.status).toBe(401);
  });

  it("forgets media after 48 hours (scaled)", async () => {
    // A time scale that makes Bandwidth's 48 hours last 300 ms.
    const quick = await startSandbox({ timeScale: (48 * 3_600_000) / 300 });
    try {
      await settle(quick.sdk().media.uploadMedia(ACCOUNT, "short-lived.png", png as never, "image/png"));
      expect((await settle(quick.sdk().media.getMedia(ACCOUNT, "short-lived.png"))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 350));
      const expired = await settle(quick.sdk().media.getMedia(ACCOUNT, "short-lived.png"));
      expect(expired.status).toBe(404);
      expect(responseProblems(MEDIA, "get", 404, expired.data)).toEqual([]);
      expect((await settle(quick.sdk().media.listMedia(ACCOUNT))).data).toEqual([]);
    } finally {
      await quick.sandbox.close();
    }
  });
});
