import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFixture, type ExportFixture } from "@/lib/testing/export-fixtures";
import { closeTestPool, testDb } from "@/lib/testing/test-database";
import { loadConversationExport } from "./conversation-export";
import { exportConversationJson, viewTranscript } from "./exports-store";

const BASE = "https://inbox.example.com";
let fx: ExportFixture;

describe("conversation export", () => {
  beforeAll(async () => {
    fx = await exportFixture("2001-03-04");
  });
  afterAll(async () => {
    await closeTestPool();
    await testDb().$disconnect();
  });

  it("holds the participants named, every message with author, statuses and errors, files, notes and activity", async () => {
    const exported = await loadConversationExport(testDb(), fx.admin, fx.conversationId, BASE);
    expect(exported.conversation).toEqual({
      id: fx.conversationId,
      ourNumber: fx.ourNumber,
      ourNumberLabel: expect.any(String),
      isGroup: true,
      status: "open",
      createdAt: new Date("2001-03-04T09:00:00Z"),
      participants: [
        { phoneNumber: fx.alice, label: "Alice Customer", ourLine: false },
        { phoneNumber: fx.bob, label: null, ourLine: false },
      ],
    });
    expect(exported.messages.map((message) => [message.id, message.author])).toEqual([
      [fx.ids.inbound, "Alice Customer"],
      [fx.ids.reply, fx.admin.name],
      [fx.ids.automatic, "Automatic"],
      [fx.ids.external, "Sent outside Switchboard"],
    ]);
    const [inbound, reply] = exported.messages;
    expect(inbound?.media).toEqual([
      expect.objectContaining({
        id: fx.photoId,
        fileName: "photo.jpg",
        contentType: "image/jpeg",
        size: 1234,
        url: `${BASE}/api/media/${fx.photoId}`,
        thumbnailUrl: `${BASE}/api/media/${fx.photoId}/thumbnail`,
      }),
    ]);
    expect(reply?.recipients).toEqual([
      {
        phoneNumber: fx.alice,
        status: "delivered",
        errorCode: null,
        errorDescription: null,
        errorMeaning: null,
        carrierName: "T-Mobile USA",
        statusSource: "callback",
        statusAt: "2001-03-04T10:05:03.000Z",
        retriedAs: null,
      },
      {
        phoneNumber: fx.bob,
        status: "failed",
        errorCode: 4720,
        errorDescription: "invalid-destination-address",
        errorMeaning: "Carrier Rejected as Invalid Destination Address",
        carrierName: null,
        statusSource: "callback",
        statusAt: "2001-03-04T10:05:04.000Z",
        retriedAs: null,
      },
    ]);
    expect(exported.notes).toEqual([
      {
        id: fx.ids.note,
        author: { id: fx.admin.id, name: fx.admin.name },
        body: "Bob's number bounces",
        mentions: [],
        createdAt: new Date("2001-03-04T10:06:00Z"),
        internal: true,
      },
    ]);
    expect(exported.activity).toEqual([
      expect.objectContaining({ kind: "closed", description: `${fx.admin.name} closed this conversation` }),
    ]);
  });

  it("pages through a long thread", async () => {
    const extra = 1_234;
    await testDb().$executeRawUnsafe(
      `INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, created_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, 'OUTBOUND', $2, ARRAY[$3], 'later ' || i, 'sent', '2001-03-05T00:00:00Z'::timestamptz + i * interval '1 second', now()
       FROM generate_series(1, $4::int) AS i`,
      fx.conversationId,
      fx.ourNumber,
      fx.alice,
      extra,
    );
    const exported = await loadConversationExport(testDb(), fx.admin, fx.conversationId, BASE);
    expect(exported.messages).toHaveLength(4 + extra);
    expect(exported.messages.at(-1)?.text).toBe(`later ${extra}`);
    expect(new Set(exported.messages.map((message) => message.id)).size).toBe(4 + extra);
  });

  it("is for admins only, answers 404 for a conversation that does not exist, and audits each export and view", async () => {
    const agent = { ...fx.admin, role: "AGENT" as const };
    await expect(loadConversationExport(testDb(), agent, fx.conversationId, BASE)).rejects.toMatchObject({
      status: 403,
    });
    await expect(loadConversationExport(testDb(), fx.admin, randomUUID(), BASE)).rejects.toMatchObject({ status: 404 });

    const file = await exportConversationJson(testDb(), fx.admin, fx.conversationId, BASE);
    const parsed = JSON.parse(file.json) as { messages: unknown[]; exportedBy: string };
    expect(parsed.exportedBy).toBe(fx.admin.id);
    const row = await testDb().dataExport.findFirstOrThrow({
      where: { requestedBy: fx.admin.id, kind: "conversation_json" },
    });
    expect(row).toMatchObject({
      status: "done",
      rowsDone: parsed.messages.length,
      params: { conversationId: fx.conversationId },
    });
    await viewTranscript(testDb(), fx.admin, fx.conversationId, BASE);
    const actions = await testDb().auditLog.findMany({
      where: { actorId: fx.admin.id, targetType: "export" },
      orderBy: { id: "asc" },
      select: { action: true, details: true },
    });
    expect(actions).toEqual([
      {
        action: "export.conversation_json",
        details: { conversationId: fx.conversationId, rows: parsed.messages.length },
      },
      { action: "export.transcript_view", details: { conversationId: fx.conversationId } },
    ]);
  });
});
