import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { HttpError } from "@/lib/errors";
import { processSendJob } from "@/lib/messaging/send/send-job";
import { retryFailedRecipients } from "@/lib/messaging/send/retry-failed-recipients";
import { sendMessage } from "@/lib/messaging/send/send-message";
import {
  SENDER_NUMBER,
  setUpMessagingFixture,
  TEST_SEND_SETTINGS,
  TOLL_FREE_NUMBER,
  type MessagingFixture,
} from "@/lib/testing/messaging-fixtures";
import { testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { DEFAULT_MEDIA_LIMITS } from "./limits";
import { mediaTestHelpers, png, storage } from "./media-test-support";
import { serveMedia } from "./serve-media";
import { createUpload, deleteAbandonedUploads } from "./uploads";

let fixture: MessagingFixture;
const current = setUpMessagingFixture();
beforeEach(() => {
  fixture = current();
});
const { sandbox, agent, serve } = mediaTestHelpers(current);

const sendDeps = () => ({
  database: testDb(),
  pool: testPool(),
  settings: TEST_SEND_SETTINGS,
  storage,
  schedule: async () => undefined,
});
const upload = (name: string, data: Buffer, declaredType: string | null = "image/png") =>
  createUpload({ database: testDb(), pool: testPool(), storage, limits: DEFAULT_MEDIA_LIMITS }, agent(), {
    name,
    declaredType,
    bytes: data,
  });
const mediaRequests = async () =>
  (
    (await sandbox("/sandbox/requests")).body as Array<{
      method: string;
      path: string;
      contentType: string | null;
      body: unknown;
    }>
  ).filter((entry) => entry.path.includes("/media/"));

async function sandboxOutcome(bandwidthMessageId: string): Promise<Record<string, string>> {
  const { body } = await sandbox(`/sandbox/messages?number=${encodeURIComponent(SENDER_NUMBER)}`);
  const record = (body as Array<{ message: { id: string; media?: string[] }; outcomes: Record<string, string> }>).find(
    (entry) => entry.message.id === bandwidthMessageId,
  );
  return record?.outcomes ?? {};
}

describe("outbound media", () => {
  it("uploads two images through Bandwidth's media API, then sends the MMS with their URLs, and it is delivered", async () => {
    const [first, second] = [
      await upload("front.png", await png(640, 480)),
      await upload("back.png", await png(480, 640, "#dc2626")),
    ];
    expect(first).toMatchObject({
      fileName: "front.png",
      contentType: "image/png",
      kind: "image",
      hasThumbnail: true,
      width: 640,
      height: 480,
    });
    const recipient = uniqueNumber();
    const message = await sendMessage(testDb(), agent(), {
      from: SENDER_NUMBER,
      to: recipient,
      text: "Both sides of the card",
      mediaIds: [first.id, second.id],
    });
    expect(message.media.map((media) => media.fileName)).toEqual(["front.png", "back.png"]);
    expect(await mediaRequests()).toEqual([]); // nothing reaches Bandwidth before the worker runs

    expect(await processSendJob(sendDeps(), { messageId: message.id })).toBe("sent");
    const uploads = await mediaRequests();
    expect(uploads.map((entry) => [entry.method, entry.contentType])).toEqual([
      ["PUT", "image/png"],
      ["PUT", "image/png"],
    ]);
    const sent = await testDb().message.findUniqueOrThrow({
      where: { id: message.id },
      include: { media: { orderBy: { position: "asc" } } },
    });
    const urls = sent.media.map((media) => media.sourceUrl);
    expect(urls).toEqual(uploads.map((entry) => `${fixture.url}${entry.path}`));
    const { body } = await sandbox(`/sandbox/messages?number=${encodeURIComponent(recipient)}`);
    expect((body as Array<{ message: { media: string[]; segmentCount: number } }>)[0]!.message).toMatchObject({
      media: urls,
      segmentCount: 1,
    });
    expect(await sandboxOutcome(sent.bandwidthMessageId!)).toEqual({ [recipient]: "delivered" });
  });

  it("retries a failed recipient with the same attachments", async () => {
    const photo = await upload("photo.png", await png(50, 50));
    const failing = "+15551234432";
    const message = await sendMessage(testDb(), agent(), {
      from: SENDER_NUMBER,
      to: [uniqueNumber(), failing],
      text: "Group photo",
      mediaIds: [photo.id],
    });
    await testDb().messageRecipient.updateMany({
      where: { messageId: message.id, phoneNumber: failing },
      // A failure the catalogue says a retry can help with.
      data: { status: "failed", errorCode: 5500 },
    });
    const retry = await retryFailedRecipients(testDb(), agent(), message.id);
    expect(retry.to).toEqual([failing]);
    expect(retry.media).toHaveLength(1);
    expect(retry.media[0]!.id).not.toBe(photo.id);
    expect((await serve(retry.media[0]!.id)).body).toEqual((await serve(photo.id)).body);
  });

  it("refuses oversize and wrong-type files with a clear message, before anything reaches Bandwidth", async () => {
    const big = Buffer.concat([await png(10, 10), Buffer.alloc(3_600_000)]);
    await expect(upload("huge.png", big)).rejects.toMatchObject({
      status: 413,
      message: "huge.png is 3.6 MB; Bandwidth takes at most 3.5 MB per file.",
    });
    // An HTML page named and declared as a picture is what its bytes say.
    await expect(
      upload("cat.jpg", Buffer.from("<html><script>alert(1)</script></html>"), "image/jpeg"),
    ).rejects.toMatchObject({
      status: 415,
      message: "cat.jpg cannot be sent by MMS (text/html). Send a picture, video, audio, PDF, vCard or text file.",
    });
    await expect(upload("empty.png", Buffer.alloc(0))).rejects.toBeInstanceOf(HttpError);
    expect(await mediaRequests()).toEqual([]);
  });

  it("refuses more than 525 KB of media from a toll-free number when sending", async () => {
    // Random pixels do not compress: about 300 KB each as PNG.
    const noise = () =>
      sharp(randomBytes(320 * 320 * 3), { raw: { width: 320, height: 320, channels: 3 } })
        .png()
        .toBuffer();
    const files = [await upload("a.png", await noise()), await upload("b.png", await noise())];
    expect(files[0]!.size + files[1]!.size).toBeGreaterThan(525_000);
    await expect(
      sendMessage(testDb(), agent(), {
        from: TOLL_FREE_NUMBER,
        to: uniqueNumber(),
        mediaIds: files.map((file) => file.id),
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("Toll-free numbers can send at most 525 KB of media per message"),
    });
    // Still drafts: the agent can remove one and send.
    expect(await testDb().media.count({ where: { id: { in: files.map((file) => file.id) }, messageId: null } })).toBe(
      2,
    );
  });

  it("only lets the uploader attach a draft, once", async () => {
    const photo = await upload("mine.png", await png(20, 20));
    const other = await testDb().user.create({
      data: { email: `other-${Date.now()}@example.com`, name: "Other", passwordHash: "x", role: "AGENT" },
    });
    const otherAgent: CurrentUser = { id: other.id, email: other.email, name: other.name, role: "AGENT", active: true };
    await expect(
      sendMessage(testDb(), otherAgent, { from: SENDER_NUMBER, to: uniqueNumber(), mediaIds: [photo.id] }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      serveMedia({ database: testDb(), pool: testPool(), storage }, otherAgent, photo.id, "original", {
        range: null,
        ifNoneMatch: null,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await sendMessage(testDb(), agent(), { from: SENDER_NUMBER, to: uniqueNumber(), mediaIds: [photo.id] });
    await expect(
      sendMessage(testDb(), agent(), { from: SENDER_NUMBER, to: uniqueNumber(), mediaIds: [photo.id] }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("fails the message with the reason, and sends nothing, when Bandwidth refuses an attachment", async () => {
    const ok = await upload("ok.png", await png(20, 20));
    const refused = await upload("notes.txt", Buffer.from("call me back"), "text/plain");
    const recipient = uniqueNumber();
    const message = await sendMessage(testDb(), agent(), {
      from: SENDER_NUMBER,
      to: recipient,
      text: "Two files",
      mediaIds: [ok.id, refused.id],
    });
    // This sandbox takes pictures only, so the text file is refused (415).
    fixture.sandbox.state.config.mediaContentTypes.splice(0, Infinity, "image/png");
    expect(await processSendJob(sendDeps(), { messageId: message.id })).toBe("failed");
    const failed = await testDb().message.findUniqueOrThrow({ where: { id: message.id }, include: { media: true } });
    expect(failed.status).toBe("failed");
    expect(failed.errorDetail).toContain("Bandwidth did not take the attachment notes.txt");
    expect(failed.media.every((media) => media.sourceUrl === null)).toBe(true);
    expect((await sandbox(`/sandbox/messages?number=${encodeURIComponent(recipient)}`)).body).toEqual([]);
    // The picture uploaded before the refusal was removed again.
    expect((await mediaRequests()).map((entry) => entry.method)).toEqual(["PUT", "PUT", "DELETE"]);
  });

  it("removes drafts nobody sent after a day", async () => {
    const draft = await upload("forgotten.png", await png(10, 10));
    expect(await deleteAbandonedUploads(testDb(), new Date(Date.now() + 25 * 3_600_000))).toBeGreaterThanOrEqual(1);
    expect(await testDb().media.findUnique({ where: { id: draft.id } })).toBeNull();
  });
});
