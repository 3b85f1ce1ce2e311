import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labelNumber } from "@/lib/contacts/contact-labels";
import { HttpError } from "@/lib/errors";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";
import { closeTestPool, testDb, testPool, unique, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { getConversation, listConversations } from "./conversation-queries";
import { listMessages } from "./message-queries";
import { updateConversationWorkflow } from "./workflow-store";

// Issue 16, point 7: our own numbers are ours everywhere. A group text with two of our numbers on
// it is stored once per number; each copy names the other number as our line (never a contact),
// links to the other copy, and a text one of our numbers sent that reaches another is ours.

type Person = { id: string; name: string; role: "ADMIN" | "AGENT"; active: boolean };
let app: TestApplication;
let admin: Person;

beforeAll(async () => {
  app = await testApplication();
  const user = await testDb().user.create({
    data: { email: `${unique("lines")}@example.com`, name: "Avery", passwordHash: "x", role: "ADMIN" },
  });
  admin = { id: user.id, name: user.name, role: "ADMIN", active: true };
});
afterAll(closeTestPool);

async function conversationOf(owner: string, others: string[]) {
  return testDb().conversation.findFirstOrThrow({
    where: { ownerNumber: owner, participantsKey: [...others].sort().join(",") },
  });
}

describe("our own numbers on a group text", () => {
  it("name each other as our line, never as a contact, and link the two copies", async () => {
    const support = await app.number();
    const billing = await app.number();
    await testDb().phoneNumber.update({ where: { e164: billing }, data: { label: "Billing" } });
    const customer = uniqueNumber();
    const friend = uniqueNumber();
    const to = [support, billing, friend];
    // Bandwidth delivers the customer's group text once to each of our numbers on it.
    await ingestCallbacks(testPool(), app.applicationId, [
      receivedEvent(support, customer, { to, text: "Both of you?" }),
      receivedEvent(billing, customer, { to, text: "Both of you?" }),
    ]);
    const onSupport = await conversationOf(support, [customer, billing, friend]);
    const onBilling = await conversationOf(billing, [customer, support, friend]);

    const header = await getConversation(testDb(), admin, onSupport.id);
    expect(header.participants.find((p) => p.phoneNumber === billing)).toMatchObject({
      name: "Billing (our line)",
      ourLine: true,
    });
    expect(header.participants.find((p) => p.phoneNumber === customer)).toMatchObject({ ourLine: false });
    expect(header.alsoOn).toEqual([{ conversationId: onBilling.id, ownerNumber: billing }]);
    expect((await getConversation(testDb(), admin, onBilling.id)).alsoOn).toEqual([
      { conversationId: onSupport.id, ownerNumber: support },
    ]);
    const row = (await listConversations(testDb(), admin, { q: customer.slice(-7), limit: 10 })).conversations.find(
      (conversation) => conversation.id === onSupport.id,
    );
    expect(row?.title).toContain("Billing (our line)");

    // Naming our own number as if it were a customer is refused.
    const refused = await labelNumber(testDb(), admin, billing, "Someone").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(422);
    expect(await testDb().contactLabel.findUnique({ where: { phoneNumber: billing } })).toBeNull();
  });

  it("recognise a text one of our numbers sent to the group as ours: no unread, no reopening", async () => {
    const support = await app.number();
    const billing = await app.number();
    const customer = uniqueNumber();
    const to = [support, billing];
    await ingestCallbacks(testPool(), app.applicationId, [receivedEvent(billing, customer, { to, text: "Hello?" })]);
    const onBilling = await conversationOf(billing, [customer, support]);
    await updateConversationWorkflow(testDb(), admin, onBilling.id, { status: "closed" }, { minSnoozeMs: 0 });
    const unread = async () =>
      (await listConversations(testDb(), admin, { q: customer.slice(-7), limit: 10 })).conversations.find(
        (conversation) => conversation.id === onBilling.id,
      )?.unreadCount;
    const before = await unread();

    // Support's reply to the group reaches Billing as an inbound message from our own number.
    await ingestCallbacks(testPool(), app.applicationId, [
      receivedEvent(billing, support, { to: [customer, billing], text: "STOP" }),
    ]);
    const messages = (await listMessages(testDb(), admin, onBilling.id, { limit: 10 })).messages;
    const ours = messages.find((message) => message.from === support);
    expect(ours).toMatchObject({ direction: "INBOUND", fromOurLine: true, text: "STOP" });
    expect(messages.find((message) => message.from === customer)).toMatchObject({ fromOurLine: false });
    expect(await unread()).toBe(before);
    const after = await testDb().conversation.findUniqueOrThrow({ where: { id: onBilling.id } });
    expect(after.status).toBe("closed");
    // "STOP" from our own line is no customer's opt-out.
    expect(await testDb().$queryRaw<unknown[]>`SELECT 1 FROM consent_events WHERE phone_number = ${support}`).toEqual(
      [],
    );

    // The customer's next message is theirs: it reopens the conversation and counts as unread.
    await ingestCallbacks(testPool(), app.applicationId, [receivedEvent(billing, customer, { to, text: "Thanks" })]);
    expect((await testDb().conversation.findUniqueOrThrow({ where: { id: onBilling.id } })).status).toBe("open");
    expect(await unread()).toBe((before ?? 0) + 1);
  });
});
