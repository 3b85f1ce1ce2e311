import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgRunner } from "@/lib/contacts/consent-sql";
import { exportFixture, type ExportFixture } from "@/lib/testing/export-fixtures";
import { closeTestPool, testDb, testPool, unique } from "@/lib/testing/test-database";
import type { RangeParams } from "@/lib/validations/exports";
import { createExportSchema } from "@/lib/validations/exports";
import { claimDownload, createExport, getExport, recordProgress } from "./exports-store";
import { countRange, EXPORT_BATCH, streamMessages, type StreamHooks } from "./message-export";

const DAY = "2001-02-03";
const BASE = "https://inbox.example.com";
const MEANING = "Carrier Rejected as Invalid Destination Address";

let fx: ExportFixture;

const range = (overrides: Partial<RangeParams> = {}): RangeParams => ({
  from: DAY,
  to: DAY,
  tz: "UTC",
  number: fx.ourNumber,
  ...overrides,
});

function read(
  kind: "messages_csv" | "messages_ndjson",
  params: RangeParams,
  hooks?: StreamHooks,
  signal?: AbortSignal,
) {
  const stream = streamMessages({
    connectionString: process.env.DATABASE_URL ?? "",
    kind,
    params,
    baseUrl: BASE,
    signal,
    hooks,
  });
  // Keeping the BOM a CSV starts with (Response.text() would drop it).
  return new Response(stream)
    .arrayBuffer()
    .then((bytes) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes));
}

describe("message export", () => {
  beforeAll(async () => {
    fx = await exportFixture(DAY);
  });
  afterAll(async () => {
    await closeTestPool();
    await testDb().$disconnect();
  });

  it("writes one JSON object per message, oldest first, with statuses, errors in words, authors and our links", async () => {
    const ends: unknown[] = [];
    const text = await read("messages_ndjson", range(), { onEnd: (outcome) => ends.push(outcome) });
    expect(text.endsWith("\n")).toBe(true);
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const common = {
      conversationId: fx.conversationId,
      ourNumber: fx.ourNumber,
      fromOurLine: false,
      missedCallback: false,
      messageTime: null,
      errorDetail: null,
    };
    const at = (time: string) => `${DAY}T${time}.000Z`;
    const recipient = (phoneNumber: string, status: string, time: string, more: object = {}) => ({
      phoneNumber,
      status,
      errorCode: null,
      errorDescription: null,
      carrierName: null,
      statusSource: "callback",
      statusAt: at(time),
      errorMeaning: null,
      ...more,
    });
    expect(lines).toEqual([
      {
        ...common,
        id: fx.ids.inbound,
        direction: "INBOUND",
        origin: "SWITCHBOARD",
        createdAt: at("10:00:00"),
        from: fx.alice,
        to: [fx.ourNumber, fx.bob],
        author: null,
        text: "=SUM(A1) is my order, photo attached",
        segmentCount: 1,
        status: "received",
        recipients: [],
        // The SMIL part is left out, as phones leave it out.
        media: [
          {
            id: fx.photoId,
            fileName: "photo.jpg",
            contentType: "image/jpeg",
            size: 1234,
            status: "stored",
            url: `${BASE}/api/media/${fx.photoId}`,
            thumbnailUrl: `${BASE}/api/media/${fx.photoId}/thumbnail`,
          },
        ],
      },
      {
        ...common,
        id: fx.ids.reply,
        direction: "OUTBOUND",
        origin: "SWITCHBOARD",
        createdAt: at("10:05:00"),
        from: fx.ourNumber,
        to: [fx.alice, fx.bob],
        author: fx.admin.name,
        text: "Thanks, looking into it",
        segmentCount: 1,
        status: "failed",
        recipients: [
          recipient(fx.alice, "delivered", "10:05:03", { carrierName: "T-Mobile USA" }),
          recipient(fx.bob, "failed", "10:05:04", {
            errorCode: 4720,
            errorDescription: "invalid-destination-address",
            errorMeaning: MEANING,
          }),
        ],
        media: [],
      },
      {
        ...common,
        id: fx.ids.automatic,
        direction: "OUTBOUND",
        origin: "AUTOMATIC",
        createdAt: at("10:07:00"),
        from: fx.ourNumber,
        to: [fx.alice],
        author: "Automatic",
        text: "You are opted out",
        segmentCount: 1,
        status: "delivered",
        recipients: [recipient(fx.alice, "delivered", "10:07:02")],
        media: [],
      },
      {
        ...common,
        id: fx.ids.external,
        direction: "OUTBOUND",
        origin: "EXTERNAL",
        createdAt: at("10:08:00"),
        from: fx.ourNumber,
        to: [fx.alice, fx.bob],
        author: "Sent outside Switchboard",
        text: "",
        segmentCount: null,
        status: "sent",
        recipients: [recipient(fx.alice, "sent", "10:08:01"), recipient(fx.bob, "sent", "10:08:01")],
        media: [],
      },
    ]);
    expect(ends).toEqual([{ status: "done", rows: 4, bytes: Buffer.byteLength(text) }]);
  });

  it("writes CSV with a header, plain numbers and times, formula-safe free text and recipients in words", async () => {
    const text = await read("messages_csv", range());
    const { ids, conversationId: c, ourNumber: our, alice, bob, photoId } = fx;
    expect(text.split("\r\n")).toEqual([
      "\uFEFFmessage_id,conversation_id,created_at,message_time,our_number,direction,origin,from,to,author,text,segments,status,error_detail,recipients,media_files,media_links",
      `${ids.inbound},${c},${DAY}T10:00:00.000Z,,${our},INBOUND,SWITCHBOARD,${alice},${our} ${bob},,"'=SUM(A1) is my order, photo attached",1,received,,,photo.jpg,${BASE}/api/media/${photoId}`,
      `${ids.reply},${c},${DAY}T10:05:00.000Z,,${our},OUTBOUND,SWITCHBOARD,${our},${alice} ${bob},${fx.admin.name},"Thanks, looking into it",1,failed,,delivered ${alice} (T-Mobile USA); failed ${bob} (4720: ${MEANING}),,`,
      `${ids.automatic},${c},${DAY}T10:07:00.000Z,,${our},OUTBOUND,AUTOMATIC,${our},${alice},Automatic,You are opted out,1,delivered,,delivered ${alice},,`,
      `${ids.external},${c},${DAY}T10:08:00.000Z,,${our},OUTBOUND,EXTERNAL,${our},${alice} ${bob},Sent outside Switchboard,,,sent,,sent ${alice}; sent ${bob},,`,
      "",
    ]);
  });

  it("takes days in the export's time zone and only the number asked for", async () => {
    const run = pgRunner(testPool());
    expect(await countRange(run, range())).toBe(4);
    // 3 February in Auckland (UTC+13) ends at 11:00 UTC that day: all four; the 4th has none.
    expect(await countRange(run, range({ tz: "Pacific/Auckland" }))).toBe(4);
    expect(await countRange(run, range({ from: "2001-02-04", to: "2001-02-04", tz: "Pacific/Auckland" }))).toBe(0);
    // In Pago Pago (UTC−11) 10:00 UTC is still 2 February.
    expect(await countRange(run, range({ from: "2001-02-02", to: "2001-02-02", tz: "Pacific/Pago_Pago" }))).toBe(4);
    expect(await countRange(run, range({ number: "+15550000001" }))).toBe(0);
    expect(await countRange(run, range({ number: null }))).toBeGreaterThanOrEqual(4);
  });

  it("stops at the client's abort and lets go of its connection", async () => {
    // Enough rows for several batches: copies of the reply on a day of their own.
    const day = "2001-05-06";
    await testDb().$executeRawUnsafe(
      `INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, created_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, 'OUTBOUND', $2, ARRAY[$3], 'copy ' || i, 'sent', $4::timestamptz + i * interval '1 second', now()
       FROM generate_series(1, $5::int) AS i`,
      fx.conversationId,
      fx.ourNumber,
      fx.alice,
      `${day}T00:00:00Z`,
      EXPORT_BATCH * 4,
    );
    const controller = new AbortController();
    const ends: Array<{ status: string; rows: number }> = [];
    const stream = streamMessages({
      connectionString: process.env.DATABASE_URL ?? "",
      kind: "messages_ndjson",
      params: range({ from: day, to: day }),
      baseUrl: BASE,
      signal: controller.signal,
      hooks: { onEnd: (outcome) => ends.push(outcome) },
    });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\n")).toHaveLength(EXPORT_BATCH + 1);
    controller.abort();
    await expect.poll(() => ends).toEqual([expect.objectContaining({ status: "cancelled", rows: EXPORT_BATCH })]);
    await expect
      .poll(async () =>
        testDb().$queryRawUnsafe<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'switchboard-export'`,
        ),
      )
      .toEqual([{ n: 0 }]);
  });

  it("creates an export for an admin (audited), downloads it once, and only for them", async () => {
    const request = createExportSchema.parse({ kind: "messages_ndjson", from: DAY, to: DAY, number: fx.ourNumber });
    const created = await createExport(testDb(), fx.admin, request);
    expect(created).toMatchObject({
      kind: "messages_ndjson",
      status: "ready",
      total: 4,
      rowsDone: 0,
      params: { from: DAY, to: DAY, tz: "UTC", number: fx.ourNumber },
      requestedBy: { id: fx.admin.id, name: fx.admin.name },
      downloadUrl: `/api/admin/exports/${created.id}/download`,
    });
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { targetType: "export", targetId: created.id } });
    expect(audit).toMatchObject({ actorId: fx.admin.id, action: "export.create" });
    expect(audit.details).toMatchObject({ kind: "messages_ndjson", from: DAY, total: 4 });

    const other = await testDb().user.create({
      data: { email: `${unique("other")}@example.com`, name: "Other", passwordHash: "x", role: "ADMIN" },
    });
    const otherAdmin = { id: other.id, role: "ADMIN" as const, active: true };
    await expect(getExport(testDb(), otherAdmin, created.id)).rejects.toMatchObject({ status: 403 });
    await expect(claimDownload(testDb(), otherAdmin, created.id)).rejects.toMatchObject({ status: 403 });
    await expect(getExport(testDb(), fx.admin, randomUUID())).rejects.toMatchObject({ status: 404 });
    const agent = { ...fx.admin, role: "AGENT" as const };
    await expect(createExport(testDb(), agent, request)).rejects.toMatchObject({ status: 403 });

    await claimDownload(testDb(), fx.admin, created.id);
    await expect(claimDownload(testDb(), fx.admin, created.id)).rejects.toMatchObject({
      status: 409,
      code: "already_downloaded",
    });
    await recordProgress(testDb(), created.id, { rows: 4, bytes: 100, status: "done" });
    expect(await getExport(testDb(), fx.admin, created.id)).toMatchObject({ status: "done", rowsDone: 4, bytes: 100 });
  });

  it("refuses a number that is not one of ours", async () => {
    const request = createExportSchema.parse({ kind: "messages_csv", from: DAY, to: DAY, number: "+15550000001" });
    await expect(createExport(testDb(), fx.admin, request)).rejects.toMatchObject({
      status: 422,
      message: "number: +15550000001 is not one of our numbers",
    });
  });
});
