import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { accessForAccount, authorizationHeader } from "@/lib/bandwidth/credentials";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";
import { getMessageView } from "@/lib/conversations/message-queries";
import { SENDER_NUMBER, setUpMessagingFixture, type MessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import {
  BANDWIDTH_MEDIA_RETENTION_MS,
  processFetchMediaJob,
  findStrandedMedia,
  type FetchMediaDeps,
  type FetchMediaJob,
} from "./fetch-inbound-media";
import { mediaTestHelpers, png, storage } from "./media-test-support";

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(4000, 7)]);
const VCARD = Buffer.from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL:+15555550123\r\nEND:VCARD\r\n");
const SMIL = Buffer.from(
  '<smil><head><layout><root-layout/></layout></head><body><par dur="5000ms"><img src="photo.png"/></par></body></smil>',
);

let fixture: MessagingFixture;
let scheduled: Array<{ data: FetchMediaJob; at: Date }>;
const current = setUpMessagingFixture();
beforeEach(() => {
  fixture = current();
  scheduled = [];
});
const { sandbox, serve } = mediaTestHelpers(current);

const fetchDeps = (overrides: Partial<FetchMediaDeps> = {}): FetchMediaDeps => ({
  database: testDb(),
  pool: testPool(),
  storage,
  encryptionKey: process.env.ENCRYPTION_KEY ?? "",
  maxBytes: 5_000_000,
  timeoutMs: 5_000,
  schedule: async (data, at) => {
    scheduled.push({ data, at });
  },
  ...overrides,
});

/** A customer's MMS reaches the sandbox, which stores the files; its callback is handed to the webhook code. */
async function inboundMms(
  files: Array<{ filename: string; contentType: string; data: Buffer }>,
  extraUrls: string[] = [],
) {
  const from = uniqueNumber();
  const { body } = await sandbox("/sandbox/inbound", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      from,
      to: [SENDER_NUMBER],
      text: "Here you go",
      media: files.map((file) => ({
        filename: file.filename,
        contentType: file.contentType,
        base64: file.data.toString("base64"),
      })),
    }),
  });
  const message = (body as { messages: Array<Record<string, unknown> & { media?: string[] }> }).messages[0]!;
  const event = {
    type: "message-received",
    time: message.time,
    to: SENDER_NUMBER,
    description: "Incoming message received",
    message: { ...message, media: [...(message.media ?? []), ...extraUrls] },
  };
  let queued: string[] = [];
  const summary = await ingestCallbacks(testPool(), fixture.applicationId, [event], {
    queueMediaDownloads: async (ids) => {
      queued = ids;
    },
  });
  expect(summary.outcomes).toEqual({ applied: 1 });
  const stored = await testDb().message.findFirstOrThrow({
    where: { bandwidthMessageId: message.id as string },
    include: { media: { orderBy: { position: "asc" } } },
  });
  expect(queued.sort()).toEqual(stored.media.map((media) => media.id).sort());
  return stored;
}

describe("inbound media", () => {
  it("copies an image, a video, a vCard and a SMIL part; types from the bytes, a thumbnail for the image", async () => {
    const photo = await png(1200, 800);
    const message = await inboundMms([
      { filename: "photo.png", contentType: "image/png", data: photo },
      // Declared wrongly on purpose: the bytes decide.
      { filename: "clip.mp4", contentType: "application/octet-stream", data: MP4 },
      { filename: "ada.vcf", contentType: "text/x-vcard", data: VCARD },
      { filename: "layout.smil", contentType: "application/smil", data: SMIL },
    ]);
    expect(message.media.map((media) => media.status)).toEqual(["pending", "pending", "pending", "pending"]);
    for (const media of message.media)
      expect(await processFetchMediaJob(fetchDeps(), { mediaId: media.id, attempts: 0 })).toBe("stored");

    const stored = await testDb().media.findMany({ where: { messageId: message.id }, orderBy: { position: "asc" } });
    expect(
      stored.map(({ fileName, contentType, size, hasThumbnail, status }) => ({
        fileName,
        contentType,
        size,
        hasThumbnail,
        status,
      })),
    ).toEqual([
      { fileName: "photo.png", contentType: "image/png", size: photo.length, hasThumbnail: true, status: "stored" },
      { fileName: "clip.mp4", contentType: "video/mp4", size: MP4.length, hasThumbnail: false, status: "stored" },
      { fileName: "ada.vcf", contentType: "text/vcard", size: VCARD.length, hasThumbnail: false, status: "stored" },
      {
        fileName: "layout.smil",
        contentType: "application/smil",
        size: SMIL.length,
        hasThumbnail: false,
        status: "stored",
      },
    ]);
    expect(stored[0]).toMatchObject({ width: 1200, height: 800 });

    // The thread lists three attachments (the SMIL layout is kept, not shown), by our URLs only.
    const view = await getMessageView(testDb(), message.id);
    expect(view?.media.map(({ fileName, kind, url, thumbnailUrl }) => ({ fileName, kind, url, thumbnailUrl }))).toEqual(
      [
        {
          fileName: "photo.png",
          kind: "image",
          url: `/api/media/${stored[0]!.id}`,
          thumbnailUrl: `/api/media/${stored[0]!.id}/thumbnail`,
        },
        { fileName: "clip.mp4", kind: "video", url: `/api/media/${stored[1]!.id}`, thumbnailUrl: null },
        { fileName: "ada.vcf", kind: "file", url: `/api/media/${stored[2]!.id}`, thumbnailUrl: null },
      ],
    );
    expect(JSON.stringify(view)).not.toContain(fixture.url);
  });

  it("serves files with their type, name, ETag, ranges and nosniff, and the thumbnail as a small WebP", async () => {
    const message = await inboundMms([
      { filename: "photo.png", contentType: "image/png", data: await png(1600, 1200) },
      { filename: "clip.mp4", contentType: "video/mp4", data: MP4 },
      { filename: "ada lovelace.vcf", contentType: "text/vcard", data: VCARD },
    ]);
    for (const media of message.media) await processFetchMediaJob(fetchDeps(), { mediaId: media.id });
    const [photo, clip, card] = message.media;

    const full = await serve(photo!.id);
    expect(full.status).toBe(200);
    expect(full.headers).toMatchObject({
      "content-type": "image/png",
      "content-disposition": `inline; filename="photo.png"; filename*=UTF-8''photo.png`,
      "x-content-type-options": "nosniff",
      "accept-ranges": "bytes",
    });
    expect(full.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await serve(photo!.id, "original", { ifNoneMatch: full.headers.etag })).status).toBe(304);

    const thumbnail = await serve(photo!.id, "thumbnail");
    expect(thumbnail.headers["content-type"]).toBe("image/webp");
    const meta = await sharp(thumbnail.body!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 640, 480]);

    const range = await serve(clip!.id, "original", { range: "bytes=100-199" });
    expect(range.status).toBe(206);
    expect(range.headers["content-range"]).toBe(`bytes 100-199/${MP4.length}`);
    expect(range.body).toEqual(MP4.subarray(100, 200));
    expect((await serve(clip!.id, "original", { range: "bytes=-10" })).body).toEqual(MP4.subarray(MP4.length - 10));
    expect((await serve(clip!.id, "original", { range: `bytes=${MP4.length}-` })).status).toBe(416);

    // A vCard is a download, never rendered in the app's origin.
    expect((await serve(card!.id)).headers["content-disposition"]).toBe(
      `attachment; filename="ada lovelace.vcf"; filename*=UTF-8''ada%20lovelace.vcf`,
    );
    await expect(serve(card!.id, "thumbnail")).rejects.toMatchObject({ status: 404 });
    await expect(serve("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ status: 404 });
  });

  /** The account's own Authorization header, as the app sends it (a Bearer token). */
  const bearer = async () => {
    const account = await testDb().bandwidthAccount.findUniqueOrThrow({ where: { accountId: fixture.accountId } });
    return authorizationHeader(accessForAccount(account, process.env.ENCRYPTION_KEY ?? ""), 5_000);
  };

  it("still serves a file after Bandwidth (the sandbox) has expired its copy", async () => {
    const data = await png(300, 300, "#16a34a");
    const message = await inboundMms([{ filename: "receipt.png", contentType: "image/png", data }]);
    await processFetchMediaJob(fetchDeps(), { mediaId: message.media[0]!.id });
    expect((await sandbox("/sandbox/media", { method: "DELETE" })).body).toEqual({ expired: 1 });
    expect((await fetch(message.media[0]!.sourceUrl!, { headers: { authorization: await bearer() } })).status).toBe(
      404,
    );
    expect((await serve(message.media[0]!.id)).body).toEqual(data);
  });

  it("refuses to fetch the database port or another host, and logs it", async () => {
    const message = await inboundMms(
      [],
      ["http://127.0.0.1:5432/", "https://attacker.example.com/api/v2/users/1/media/x.jpg", "file:///etc/passwd"],
    );
    const before = (await sandbox("/sandbox/requests")).body as unknown[];
    for (const media of message.media)
      expect(await processFetchMediaJob(fetchDeps(), { mediaId: media.id })).toBe("refused");
    const stored = await testDb().media.findMany({ where: { messageId: message.id }, orderBy: { position: "asc" } });
    expect(stored.map((media) => media.status)).toEqual(["refused", "refused", "refused"]);
    expect(stored[0]!.statusDetail).toContain("127.0.0.1:5432 is not the Bandwidth media host");
    expect(stored[1]!.statusDetail).toContain("attacker.example.com is not the Bandwidth media host");
    expect(stored[2]!.statusDetail).toContain("file: URLs are never fetched");
    expect(((await sandbox("/sandbox/requests")).body as unknown[]).length).toBe(before.length);
    await expect(serve(stored[0]!.id)).rejects.toMatchObject({ status: 404 });
  });

  it("retries a missing file with backoff, then marks it expired after Bandwidth's 48 hours", async () => {
    const message = await inboundMms([{ filename: "late.jpg", contentType: "image/png", data: await png(10, 10) }]);
    await sandbox("/sandbox/media", { method: "DELETE" });
    const id = message.media[0]!.id;
    expect(await processFetchMediaJob(fetchDeps(), { mediaId: id, attempts: 0 })).toBe("retry");
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.data).toEqual({ mediaId: id, attempts: 1 });
    expect(scheduled[0]!.at.getTime() - Date.now()).toBeGreaterThan(5_000);
    // A duplicate of the first job finds the attempt already made and does nothing.
    expect(await processFetchMediaJob(fetchDeps(), { mediaId: id, attempts: 0 })).toBe("skipped");

    const late = new Date(message.createdAt.getTime() + BANDWIDTH_MEDIA_RETENTION_MS + 60_000);
    expect(await processFetchMediaJob(fetchDeps({ now: () => late }), { mediaId: id, attempts: 1 })).toBe("expired");
    const view = await getMessageView(testDb(), message.id);
    expect(view?.media[0]).toMatchObject({
      status: "expired",
      statusDetail: "Media expired before it could be saved: Bandwidth keeps files for 48 hours.",
      url: null,
    });
  });

  it("finds pending files whose job was lost, for the sweep", async () => {
    const message = await inboundMms([{ filename: "lost.png", contentType: "image/png", data: await png(10, 10) }]);
    const id = message.media[0]!.id;
    expect((await findStrandedMedia(testDb())).map((job) => job.mediaId)).not.toContain(id);
    const later = new Date(Date.now() + 5 * 60_000);
    expect(await findStrandedMedia(testDb(), later)).toContainEqual({ mediaId: id, attempts: 0 });
    await processFetchMediaJob(fetchDeps(), { mediaId: id });
    expect((await findStrandedMedia(testDb(), later)).map((job) => job.mediaId)).not.toContain(id);
  });
});
