import "server-only";
import type { Db } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { conversationIdentity } from "@/lib/conversations/conversation-key";
import { upsertConversation } from "@/lib/conversations/conversation-store";
import { summariseStatus } from "@/lib/messaging/delivery-status";
import { DEMO_USERS, ensureDemoUsers } from "@/lib/users/bootstrap";
import { seedDemoHistory } from "./seed-history";

/** The made-up Bandwidth identifiers of the embedded default, shared by the sandbox and the app. */
export const DEMO_BANDWIDTH = {
  accountId: "9900001",
  /** API credentials (OAuth 2.0 client credentials); the sandbox refuses legacy Basic, as Bandwidth does. */
  clientId: "sandbox-client-id",
  clientSecret: "sandbox-client-secret-8Hn3wQ6tK1",
  applicationId: "d6e5b1a2-5c1e-4b8e-9a57-3c0f3a9e7b10",
  callbackUsername: "bandwidth-callbacks",
  callbackPassword: "sandbox-callback-password-7Qm2vX9pL4",
  numbers: ["+19195550100", "+19195550101", "+18885550100"],
} as const;

const SUPPORT_LINE = DEMO_BANDWIDTH.numbers[0];

type DemoMessage = {
  id: string;
  minutesAgo: number;
  direction: "INBOUND" | "OUTBOUND";
  from: string;
  to: string[];
  text: string;
  recipients?: Array<{ phoneNumber: string; status: DeliveryStatus; errorCode?: number; errorDescription?: string }>;
};

type DemoConversation = { participants: string[]; labels: Record<string, string>; messages: DemoMessage[] };

// Fixed ids make the seed idempotent: running it again finds and keeps what is there.
const CONVERSATIONS: DemoConversation[] = [
  {
    participants: ["+19195550123"],
    labels: { "+19195550123": "Dana Whitfield" },
    messages: [
      {
        id: "0b1c0d3e-0000-4000-8000-000000000001",
        minutesAgo: 95,
        direction: "INBOUND",
        from: "+19195550123",
        to: [SUPPORT_LINE],
        text: "Hi! Has my order #4821 shipped yet?",
      },
      {
        id: "0b1c0d3e-0000-4000-8000-000000000002",
        minutesAgo: 90,
        direction: "OUTBOUND",
        from: SUPPORT_LINE,
        to: ["+19195550123"],
        text: "Hi Dana, it left our warehouse this morning. Tracking: 1Z999AA10123456784",
        recipients: [{ phoneNumber: "+19195550123", status: "delivered" }],
      },
      {
        id: "0b1c0d3e-0000-4000-8000-000000000003",
        minutesAgo: 12,
        direction: "INBOUND",
        from: "+19195550123",
        to: [SUPPORT_LINE],
        text: "Perfect, thank you!",
      },
    ],
  },
  {
    participants: ["+19195550131", "+19195550132", "+19195550133"],
    labels: { "+19195550131": "Lee Park", "+19195550132": "Morgan Diaz" },
    messages: [
      {
        id: "0b1c0d3e-0000-4000-8000-000000000011",
        minutesAgo: 45,
        direction: "INBOUND",
        from: "+19195550131",
        to: [SUPPORT_LINE, "+19195550132", "+19195550133"],
        text: "Can we move Saturday's delivery for the three of us to Sunday?",
      },
      {
        id: "0b1c0d3e-0000-4000-8000-000000000012",
        minutesAgo: 40,
        direction: "OUTBOUND",
        from: SUPPORT_LINE,
        to: ["+19195550131", "+19195550132", "+19195550133"],
        text: "Sure, Sunday 10am–12pm works. We've updated all three orders.",
        recipients: [
          { phoneNumber: "+19195550131", status: "delivered" },
          { phoneNumber: "+19195550132", status: "delivered" },
          { phoneNumber: "+19195550133", status: "sent" },
        ],
      },
    ],
  },
  {
    participants: ["+15555554432"],
    labels: {},
    messages: [
      {
        id: "0b1c0d3e-0000-4000-8000-000000000021",
        minutesAgo: 30,
        direction: "OUTBOUND",
        from: SUPPORT_LINE,
        to: ["+15555554432"],
        text: "Your appointment is confirmed for tomorrow at 9am.",
        recipients: [
          {
            phoneNumber: "+15555554432",
            status: "failed",
            errorCode: 4432,
            errorDescription: "rejected-forbidden-country",
          },
        ],
      },
    ],
  },
];

/**
 * Demo data for the embedded default: two users and a few conversations (one-to-one, a group of
 * three, one with a failed message), and a month of closed ones behind them (seed-history.ts). The Bandwidth account, application and numbers come from the
 * BANDWIDTH_* environment the start script sets (DEMO_BANDWIDTH, pointed at the sandbox).
 * Idempotent; never touches data it did not create.
 */
export async function seedDemoData(database: Db) {
  await ensureDemoUsers(database);

  const now = Date.now();
  for (const conversation of CONVERSATIONS) await seedConversation(database, conversation, now);
  // A month of closed conversations behind them, for the reports.
  const team = await database.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) } },
    select: { id: true },
    orderBy: { email: "asc" },
  });
  await seedDemoHistory(
    database,
    DEMO_BANDWIDTH.numbers.slice(0, 2),
    team.map((user) => user.id),
    now,
  );
}

async function seedConversation(database: Db, demo: DemoConversation, now: number) {
  for (const [phoneNumber, name] of Object.entries(demo.labels)) {
    await database.contactLabel.upsert({ where: { phoneNumber }, update: {}, create: { phoneNumber, name } });
  }
  // Idempotent by the demo messages' fixed ids: a conversation that already exists (made by real
  // traffic with the same people) gets the demo messages it lacks, and nothing is seeded twice.
  const seeded = await database.message.findMany({
    where: { id: { in: demo.messages.map((m) => m.id) } },
    select: { id: true },
  });
  const missing = demo.messages.filter((message) => !seeded.some((row) => row.id === message.id));
  if (missing.length === 0) return;

  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
  const last = demo.messages[demo.messages.length - 1];
  await database.$transaction(async (tx) => {
    if (!last) return;
    const conversationId = await upsertConversation(
      tx,
      conversationIdentity(SUPPORT_LINE, demo.participants),
      at(last.minutesAgo),
      last.id,
    );
    for (const message of missing) {
      await tx.message.create({
        data: {
          id: message.id,
          conversationId,
          direction: message.direction,
          bandwidthMessageId: `demo-${message.id.slice(-12)}`,
          from: message.from,
          to: message.to,
          text: message.text,
          tag: message.direction === "OUTBOUND" ? message.id : null,
          segmentCount: 1,
          status: message.direction === "INBOUND" ? "received" : summariseStatus(message.recipients ?? []),
          messageTime: at(message.minutesAgo),
          acceptedAt: message.direction === "OUTBOUND" ? at(message.minutesAgo) : null,
          createdAt: at(message.minutesAgo),
          recipients: message.recipients
            ? {
                create: message.recipients.map((recipient) => ({ ...recipient, statusAt: at(message.minutesAgo - 1) })),
              }
            : undefined,
        },
      });
    }
  });
}
