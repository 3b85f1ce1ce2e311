import "server-only";
import type { Db } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { conversationIdentity } from "@/lib/conversations/conversation-key";

// Thirty days of past work for the demo, so the reports (issue 18) have something to show: sixty
// customers who wrote to one of the two local numbers, an agent's answer a few minutes to a few
// hours later, most delivered and some failed with Bandwidth's codes, each conversation closed.
// Everything is derived from the index (no randomness) and keyed by fixed ids: seeding again adds
// nothing. All closed and older than a day, so none of it sits in anyone's open views.

export const HISTORY_CONVERSATIONS = 60;
const CARRIERS = ["T-Mobile USA", "Verizon Wireless", "AT&T Wireless", "US Cellular"];
// What became of the answers, one in ten each: mostly delivered, a few failures (codes from the catalogue).
const OUTCOMES: Array<{ status: DeliveryStatus; errorCode?: number; errorDescription?: string }> = [
  { status: "delivered" },
  { status: "delivered" },
  { status: "failed", errorCode: 4720, errorDescription: "destination-invalid" },
  { status: "delivered" },
  { status: "delivered" },
  { status: "failed", errorCode: 9902, errorDescription: "delivery-receipt-expired" },
  { status: "delivered" },
  { status: "delivered" },
  { status: "failed", errorCode: 4770, errorDescription: "destination-carrier-queue-full" },
  { status: "delivered" },
];

const id = (kind: number, index: number) =>
  `0b1c0d3e-0000-4000-8001-${(kind * 1000 + index).toString(16).padStart(12, "0")}`;

/** Seeds the history once (its first message's id says whether it is there). */
export async function seedDemoHistory(
  database: Db,
  ourNumbers: readonly string[],
  agentIds: readonly string[],
  now = Date.now(),
): Promise<void> {
  if (agentIds.length === 0 || ourNumbers.length === 0) return;
  if (await database.message.findUnique({ where: { id: id(1, 0) }, select: { id: true } })) return;
  await database.$transaction(
    async (tx) => {
      for (let index = 0; index < HISTORY_CONVERSATIONS; index += 1) {
        const customer = `+1919555${String(2000 + index).padStart(4, "0")}`;
        const ourNumber = ourNumbers[index % ourNumbers.length] ?? "";
        const agentId = agentIds[index % agentIds.length] ?? null;
        // Spread over the last 30 days, by day in business hours.
        const day = 1 + (index % 29);
        const wroteAt = new Date(now - day * 86_400_000);
        wroteAt.setUTCHours(13 + ((index * 7) % 9), (index * 17) % 60, 0, 0);
        const answeredAt = new Date(wroteAt.getTime() + (3 + ((index * 37) % 180)) * 60_000);
        const thankedAt = new Date(answeredAt.getTime() + 10 * 60_000);
        const closedAt = new Date(thankedAt.getTime() + (20 + ((index * 11) % 300)) * 60_000);
        const outcome = OUTCOMES[index % OUTCOMES.length] ?? { status: "delivered" };
        const conversation = await tx.conversation.upsert({
          where: { ownerNumber_participantsKey: { ownerNumber: ourNumber, participantsKey: customer } },
          update: {},
          create: {
            ...conversationIdentity(ourNumber, [customer]),
            createdAt: wroteAt,
            lastMessageAt: thankedAt,
            lastMessageId: id(3, index),
          },
        });
        const messages = [
          { id: id(1, index), direction: "INBOUND" as const, at: wroteAt, text: "Hi, can you check on my order?" },
          { id: id(2, index), direction: "OUTBOUND" as const, at: answeredAt, text: "Of course, it ships today." },
          { id: id(3, index), direction: "INBOUND" as const, at: thankedAt, text: "Thanks!" },
        ];
        for (const message of messages) {
          const outbound = message.direction === "OUTBOUND";
          await tx.message.create({
            data: {
              id: message.id,
              conversationId: conversation.id,
              direction: message.direction,
              bandwidthMessageId: `demo-${message.id.slice(-12)}`,
              from: outbound ? ourNumber : customer,
              to: outbound ? [customer] : [ourNumber],
              text: message.text,
              segmentCount: 1,
              status: outbound ? outcome.status : "received",
              sentById: outbound ? agentId : null,
              messageTime: message.at,
              acceptedAt: outbound ? message.at : null,
              createdAt: message.at,
              recipients: outbound
                ? {
                    create: {
                      phoneNumber: customer,
                      ...outcome,
                      carrierName: outcome.errorCode === 9902 ? null : CARRIERS[index % CARRIERS.length],
                      statusAt: new Date(message.at.getTime() + 4_000),
                    },
                  }
                : undefined,
            },
          });
        }
        await tx.conversation.update({
          where: { id: conversation.id },
          data: { status: "closed", assigneeId: agentId, lastMessageAt: thankedAt, lastMessageId: id(3, index) },
        });
        await tx.conversationActivity.createMany({
          data: [
            {
              conversationId: conversation.id,
              kind: "assigned",
              actorId: agentId,
              assigneeId: agentId,
              createdAt: answeredAt,
            },
            { conversationId: conversation.id, kind: "closed", actorId: agentId, createdAt: closedAt },
          ],
        });
        await tx.conversationRead.createMany({
          data: agentIds.map((userId) => ({ userId, conversationId: conversation.id, lastReadAt: closedAt })),
          skipDuplicates: true,
        });
      }
    },
    { timeout: 60_000 },
  );
}
