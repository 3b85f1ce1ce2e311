// For the exports' database tests: one hand-built group conversation on a number of its own, on one
// day (so a range of that day and number holds exactly these messages): a customer's MMS (a photo
// and the SMIL part phones hide), an agent's group reply delivered to one recipient and failed with
// 4720 for the other, an internal note, an automatic reply, one sent outside Switchboard and a
// closing.
import type { Prisma } from "@/lib/generated/prisma/client";
import { testDb, unique, uniqueNumber } from "./test-database";
import { testApplication } from "./webhook-fixtures";

export async function exportFixture(day: string) {
  const database = testDb();
  const at = (time: string) => new Date(`${day}T${time}Z`);
  const ourNumber = await (await testApplication()).number();
  const [alice, bob] = [uniqueNumber(), uniqueNumber()].sort() as [string, string];
  const admin = await database.user.create({
    data: { email: `${unique("export")}@example.com`, name: unique("Avery "), passwordHash: "x", role: "ADMIN" },
  });
  await database.contactLabel.create({ data: { phoneNumber: alice, name: "Alice Customer" } });
  const conversation = await database.conversation.create({
    data: {
      ownerNumber: ourNumber,
      participants: [alice, bob],
      participantsKey: `${alice},${bob}`,
      isGroup: true,
      createdAt: at("09:00:00"),
    },
  });
  const message = (data: Omit<Prisma.MessageUncheckedCreateInput, "conversationId">) =>
    database.message.create({ data: { conversationId: conversation.id, ...data } });
  const inbound = await message({
    direction: "INBOUND",
    from: alice,
    to: [ourNumber, bob],
    text: "=SUM(A1) is my order, photo attached",
    status: "received",
    segmentCount: 1,
    createdAt: at("10:00:00"),
    media: {
      create: [
        {
          fileName: "photo.jpg",
          contentType: "image/jpeg",
          size: 1234,
          status: "stored",
          hasThumbnail: true,
          width: 640,
          height: 480,
          position: 0,
        },
        { fileName: "smil.xml", contentType: "application/smil", size: 200, status: "stored", position: 1 },
      ],
    },
  });
  const reply = await message({
    direction: "OUTBOUND",
    from: ourNumber,
    to: [alice, bob],
    text: "Thanks, looking into it",
    status: "failed",
    segmentCount: 1,
    sentById: admin.id,
    createdAt: at("10:05:00"),
    recipients: {
      create: [
        { phoneNumber: alice, status: "delivered", statusAt: at("10:05:03"), carrierName: "T-Mobile USA" },
        {
          phoneNumber: bob,
          status: "failed",
          errorCode: 4720,
          errorDescription: "invalid-destination-address",
          statusAt: at("10:05:04"),
        },
      ],
    },
  });
  const note = await database.conversationNote.create({
    data: {
      conversationId: conversation.id,
      authorId: admin.id,
      body: "Bob's number bounces",
      createdAt: at("10:06:00"),
    },
  });
  const automatic = await message({
    direction: "OUTBOUND",
    origin: "AUTOMATIC",
    from: ourNumber,
    to: [alice],
    text: "You are opted out",
    status: "delivered",
    segmentCount: 1,
    createdAt: at("10:07:00"),
    recipients: { create: [{ phoneNumber: alice, status: "delivered", statusAt: at("10:07:02") }] },
  });
  const external = await message({
    direction: "OUTBOUND",
    origin: "EXTERNAL",
    from: ourNumber,
    to: [alice, bob],
    text: "",
    status: "sent",
    createdAt: at("10:08:00"),
    recipients: {
      create: [
        { phoneNumber: alice, status: "sent", statusAt: at("10:08:01") },
        { phoneNumber: bob, status: "sent", statusAt: at("10:08:01") },
      ],
    },
  });
  await database.conversationActivity.create({
    data: { conversationId: conversation.id, kind: "closed", actorId: admin.id, createdAt: at("10:09:00") },
  });
  const photo = await database.media.findFirstOrThrow({ where: { messageId: inbound.id, position: 0 } });
  return {
    admin: { id: admin.id, name: admin.name, role: "ADMIN" as const, active: true },
    conversationId: conversation.id,
    ourNumber,
    alice,
    bob,
    ids: { inbound: inbound.id, reply: reply.id, automatic: automatic.id, external: external.id, note: note.id },
    photoId: photo.id,
  };
}

export type ExportFixture = Awaited<ReturnType<typeof exportFixture>>;
