import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/test-database";
import { DEMO_BANDWIDTH, seedDemoData } from "./seed-demo";
import { HISTORY_CONVERSATIONS } from "./seed-history";

async function counts() {
  const database = testDb();
  return {
    users: await database.user.count(),
    conversations: await database.conversation.count(),
    messages: await database.message.count(),
    recipients: await database.messageRecipient.count(),
    labels: await database.contactLabel.count(),
  };
}

describe("demo seed", () => {
  afterAll(() => testDb().$disconnect());

  it("creates a living inbox and is idempotent", async () => {
    await seedDemoData(testDb());
    const first = await counts();
    await seedDemoData(testDb());
    expect(await counts()).toEqual(first);

    const conversations = await testDb().conversation.findMany({
      where: {
        ownerNumber: DEMO_BANDWIDTH.numbers[0],
        participantsKey: { in: ["+19195550123", "+19195550131,+19195550132,+19195550133", "+15555554432"] },
      },
      include: { messages: { include: { recipients: true } } },
    });
    const group = conversations.find((conversation) => conversation.participants.length === 3);
    expect(group?.isGroup).toBe(true);
    const oneToOne = conversations.filter((conversation) => !conversation.isGroup);
    expect(oneToOne.length).toBeGreaterThanOrEqual(2);
    // The seeded failed message (fixed id); other tests may add messages to the same conversations.
    const failed = await testDb().message.findUniqueOrThrow({
      where: { id: "0b1c0d3e-0000-4000-8000-000000000021" },
      include: { recipients: true },
    });
    expect(failed).toMatchObject({ status: "failed", recipients: [{ status: "failed", errorCode: 4432 }] });
    const groupReply = group?.messages.find((message) => message.direction === "OUTBOUND");
    expect(groupReply?.recipients).toHaveLength(3);
    expect(await testDb().user.count({ where: { email: { in: ["admin@example.com", "agent@example.com"] } } })).toBe(2);
  });

  it("keeps a month of closed conversations behind them, answered by the team", async () => {
    const history = await testDb().conversation.findMany({
      where: { participantsKey: { startsWith: "+19195552" } },
      include: { messages: { include: { recipients: true } }, activities: true },
    });
    expect(history).toHaveLength(HISTORY_CONVERSATIONS);
    expect(history.every((conversation) => conversation.status === "closed")).toBe(true);
    const answers = history.flatMap((conversation) => conversation.messages.filter((m) => m.direction === "OUTBOUND"));
    expect(answers.every((answer) => answer.sentById !== null)).toBe(true);
    const failures = answers
      .flatMap((answer) => answer.recipients)
      .filter((recipient) => recipient.status === "failed");
    expect(new Set(failures.map((recipient) => recipient.errorCode))).toEqual(new Set([4720, 9902, 4770]));
    expect(
      history.every((conversation) => conversation.activities.some((activity) => activity.kind === "closed")),
    ).toBe(true);
    // No reopening: the customers' messages came while each conversation was open.
    expect(
      history.some((conversation) => conversation.activities.some((activity) => activity.kind === "reopened")),
    ).toBe(false);
  });
});

describe("demo seed next to real traffic", () => {
  it("fills in its messages even when real traffic already made one of its conversations", async () => {
    // Simulates a test (or a customer) having texted +15555554432 from the support line first.
    await testDb().message.deleteMany({ where: { id: "0b1c0d3e-0000-4000-8000-000000000021" } });
    await seedDemoData(testDb());
    const failed = await testDb().message.findUniqueOrThrow({
      where: { id: "0b1c0d3e-0000-4000-8000-000000000021" },
      include: { recipients: true },
    });
    expect(failed.recipients).toHaveLength(1);
  });
});
