// For the reports' database tests: a hand-built data set — users, conversations and messages at
// chosen times, and Bandwidth's status callbacks delivered through the webhook's own ingestion.
import { randomUUID } from "node:crypto";
import type { Direction, MessageOrigin } from "@/lib/generated/prisma/enums";
import { conversationIdentity } from "@/lib/conversations/conversation-key";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";
import { reportQuerySchema } from "@/lib/validations/reports";
import { testDb, testPool, unique } from "./test-database";
import { statusElement } from "./webhook-fixtures";

export async function agent(name: string, role: "ADMIN" | "AGENT" = "AGENT") {
  return testDb().user.create({
    data: { email: `${unique("report")}@example.com`, name, passwordHash: "x", role },
    select: { id: true, role: true, active: true, name: true },
  });
}

export async function conversation(owner: string, participants: string[], createdAt: Date) {
  const identity = conversationIdentity(owner, participants);
  return testDb().conversation.create({ data: { ...identity, createdAt, lastMessageAt: createdAt } });
}

type MessageSpec = {
  conversation: { id: string; ownerNumber: string; participants: string[] };
  direction: Direction;
  at: string;
  origin?: MessageOrigin;
  sentById?: string;
  segments?: number;
  fromOurLine?: boolean;
};

export async function message(spec: MessageSpec) {
  const { conversation: c } = spec;
  const outbound = spec.direction === "OUTBOUND";
  return testDb().message.create({
    data: {
      conversationId: c.id,
      direction: spec.direction,
      origin: spec.origin ?? "SWITCHBOARD",
      fromOurLine: spec.fromOurLine ?? false,
      bandwidthMessageId: `bw-${randomUUID()}`,
      from: outbound ? c.ownerNumber : (c.participants[0] ?? ""),
      to: outbound ? c.participants : [c.ownerNumber],
      text: "report test",
      status: outbound ? "accepted" : "received",
      segmentCount: spec.segments ?? null,
      sentById: spec.sentById ?? null,
      createdAt: new Date(spec.at),
      recipients: outbound
        ? { create: c.participants.map((phoneNumber) => ({ phoneNumber, status: "accepted" as const })) }
        : undefined,
    },
  });
}

/** Bandwidth's callback about `recipient` of an outbound message, as the webhook receives it. */
export function callback(
  type: string,
  sent: { bandwidthMessageId: string | null; from: string; to: string[] },
  recipient: string,
  extra: { errorCode?: number; carrierName?: string; segmentCount?: number } = {},
) {
  const { errorCode, carrierName, segmentCount } = extra;
  return {
    ...statusElement(
      type,
      sent.from,
      sent.to,
      { id: sent.bandwidthMessageId, segmentCount: segmentCount ?? 1 },
      recipient,
    ),
    ...(errorCode ? { errorCode } : {}),
    ...(carrierName ? { carrierName } : {}),
  };
}

export async function deliver(applicationId: string, events: unknown[]) {
  const summary = await ingestCallbacks(testPool(), applicationId, events);
  return summary;
}

export const query = (from: string, to: string, number?: string) =>
  reportQuerySchema.parse({ from, to, tz: "UTC", ...(number ? { number } : {}) });
