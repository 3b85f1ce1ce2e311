import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { matchesRandomSecret } from "@/lib/crypto/secret-hash";
import { testDb } from "@/lib/testing/test-database";
import { DEMO_BANDWIDTH, seedDemoData } from "./seed-demo";

const encryptionKey = randomBytes(32).toString("base64");
const options = { encryptionKey, messagingBaseUrl: "http://127.0.0.1:3010/api/v2" };

async function counts() {
  const database = testDb();
  return {
    users: await database.user.count(),
    accounts: await database.bandwidthAccount.count(),
    applications: await database.bandwidthApplication.count(),
    credentials: await database.callbackCredential.count(),
    numbers: await database.phoneNumber.count(),
    conversations: await database.conversation.count(),
    messages: await database.message.count(),
    recipients: await database.messageRecipient.count(),
  };
}

describe("demo seed", () => {
  afterAll(() => testDb().$disconnect());

  it("creates a living inbox and is idempotent", async () => {
    await seedDemoData(testDb(), options);
    const first = await counts();
    await seedDemoData(testDb(), options);
    expect(await counts()).toEqual(first);

    const conversations = await testDb().conversation.findMany({
      where: { ownerNumber: DEMO_BANDWIDTH.numbers[0] },
      include: { messages: { include: { recipients: true } } },
    });
    const group = conversations.find((conversation) => conversation.participants.length === 3);
    expect(group?.isGroup).toBe(true);
    const oneToOne = conversations.filter((conversation) => !conversation.isGroup);
    expect(oneToOne.length).toBeGreaterThanOrEqual(2);
    const failed = conversations.flatMap((c) => c.messages).find((message) => message.status === "failed");
    expect(failed?.recipients[0]).toMatchObject({ status: "failed", errorCode: 4432 });
    const groupReply = group?.messages.find((message) => message.direction === "OUTBOUND");
    expect(groupReply?.recipients).toHaveLength(3);
  });

  it("stores the API password encrypted and the callback password only as a hash", async () => {
    await seedDemoData(testDb(), options);
    const account = await testDb().bandwidthAccount.findUniqueOrThrow({ where: { accountId: DEMO_BANDWIDTH.accountId } });
    expect(account.apiPasswordEncrypted).not.toContain(DEMO_BANDWIDTH.apiPassword);
    expect(decryptSecret(account.apiPasswordEncrypted, encryptionKey)).toBe(DEMO_BANDWIDTH.apiPassword);
    const credential = await testDb().callbackCredential.findFirstOrThrow({ where: { username: DEMO_BANDWIDTH.callbackUsername } });
    expect(credential.passwordHash).not.toContain(DEMO_BANDWIDTH.callbackPassword);
    expect(matchesRandomSecret(DEMO_BANDWIDTH.callbackPassword, credential.passwordHash)).toBe(true);
  });

  it("flags the toll-free number", async () => {
    await seedDemoData(testDb(), options);
    const tollFree = await testDb().phoneNumber.findMany({ where: { tollFree: true } });
    expect(tollFree.map((number) => number.e164)).toEqual(["+18885550100"]);
  });
});
