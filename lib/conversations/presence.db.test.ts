import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policies";
import { CHANGES_CHANNEL, decodeNotices, encodeNotices, type ChangeNotice } from "@/lib/realtime/change-notice";
import { closeTestPool, testDb, unique, uniqueNumber } from "@/lib/testing/test-database";
import { testApplication } from "@/lib/testing/webhook-fixtures";
import { announcePresence, listPresence } from "./presence";

const TAB_1 = "tab-one-0123456789abcdef";
const TAB_2 = "tab-two-0123456789abcdef";

let sam: Actor;
let robin: Actor;
let line: string;
let conversationId: string;
let listener: pg.Client;
let heard: ChangeNotice[];

beforeEach(async () => {
  line = await (await testApplication()).number();
  conversationId = (await conversationOn(line)).id;
  sam = await user("Sam Agent", "AGENT");
  robin = await user("Robin Hale", "AGENT");
  heard = [];
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (message) => heard.push(...decodeNotices(message.payload ?? "")));
  await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
});

afterEach(() => listener.end());

afterAll(async () => {
  await testDb().$disconnect();
  await closeTestPool();
});

describe("presence on a conversation", () => {
  it("others see who is viewing; nobody sees themselves", async () => {
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_1, state: "viewing" });
    expect(await listPresence(testDb(), robin, conversationId)).toEqual([
      { userId: sam.id, name: "Sam Agent", state: "viewing" },
    ]);
    expect(await listPresence(testDb(), sam, conversationId)).toEqual([]);
    await announcePresence(testDb(), robin, conversationId, { tabId: TAB_1, state: "typing" });
    expect(await listPresence(testDb(), sam, conversationId)).toEqual([
      { userId: robin.id, name: "Robin Hale", state: "typing" },
    ]);
    // Another conversation knows nothing of them.
    const other = await conversationOn(line);
    expect(await listPresence(testDb(), robin, other.id)).toEqual([]);
  });

  it("typing in any of a user's tabs wins over viewing in the others", async () => {
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_1, state: "viewing" });
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_2, state: "typing" });
    expect(await listPresence(testDb(), robin, conversationId)).toEqual([
      { userId: sam.id, name: "Sam Agent", state: "typing" },
    ]);
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_2, state: "viewing" });
    expect(await listPresence(testDb(), robin, conversationId)).toEqual([
      { userId: sam.id, name: "Sam Agent", state: "viewing" },
    ]);
  });

  it("a tab that leaves is gone at once; the user stays while another tab of theirs is open", async () => {
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_1, state: "viewing" });
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_2, state: "viewing" });
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_1, state: "left" });
    expect(await listPresence(testDb(), robin, conversationId)).toHaveLength(1);
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_2, state: "left" });
    expect(await listPresence(testDb(), robin, conversationId)).toEqual([]);
    expect(await rows()).toEqual([]);
    // Leaving twice (a beacon after an unmount) is harmless.
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_2, state: "left" });
  });

  it("a tab that goes silent lapses by itself, and the next announcement there clears its row", async () => {
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_1, state: "typing" });
    const [row] = await rows();
    // Renewed for about the TTL, on the database's clock.
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(20_000);
    expect(row!.expiresAt.getTime() - Date.now()).toBeLessThan(40_000);
    await testDb().$executeRaw`UPDATE conversation_presence SET expires_at = now() - interval '1 second'
      WHERE conversation_id = ${conversationId}::uuid`;
    expect(await listPresence(testDb(), robin, conversationId)).toEqual([]);
    expect(await rows()).toHaveLength(1);
    await announcePresence(testDb(), robin, conversationId, { tabId: TAB_1, state: "viewing" });
    expect((await rows()).map((r) => r.userId)).toEqual([robin.id]);
  });

  it("announces a change others would see, and nothing on a plain renewal", async () => {
    const announce = async (tabId: string, state: "viewing" | "typing" | "left") => {
      await announcePresence(testDb(), sam, conversationId, { tabId, state });
      await settled();
      return heard.filter((notice) => notice.conversationId === conversationId).length;
    };
    expect(await announce(TAB_1, "viewing")).toBe(1); // arrives
    expect(await announce(TAB_1, "viewing")).toBe(1); // renewal
    expect(await announce(TAB_1, "typing")).toBe(2); // starts replying
    expect(await announce(TAB_1, "typing")).toBe(2); // renewal
    expect(await announce(TAB_2, "viewing")).toBe(2); // a second tab: still "replying" to others
    expect(await announce(TAB_1, "left")).toBe(3); // the typing tab closes: now "viewing"
    expect(await announce(TAB_2, "left")).toBe(4); // gone
    expect(await announce(TAB_2, "left")).toBe(4); // already gone
    expect(heard).toContainEqual({ kind: "presence.updated", conversationId });
    // A silent tab that lapsed and comes back is news again.
    expect(await announce(TAB_1, "viewing")).toBe(5);
    await testDb().$executeRaw`UPDATE conversation_presence SET expires_at = now() - interval '1 second'
      WHERE conversation_id = ${conversationId}::uuid`;
    expect(await announce(TAB_1, "viewing")).toBe(6);
  });

  it("is closed to users who may not see the conversation: 404, nothing written, nothing read", async () => {
    const restricted = await testApplication().then((application) => application.number());
    await testDb().phoneNumber.update({ where: { e164: restricted }, data: { allowAllAgents: false } });
    const closed = await conversationOn(restricted);
    const admin = await user("Avery Admin", "ADMIN");
    await announcePresence(testDb(), admin, closed.id, { tabId: TAB_1, state: "viewing" });
    await expect(announcePresence(testDb(), sam, closed.id, { tabId: TAB_1, state: "viewing" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(listPresence(testDb(), sam, closed.id)).rejects.toMatchObject({ status: 404 });
    expect(await testDb().conversationPresence.count({ where: { userId: sam.id } })).toBe(0);
    await expect(
      announcePresence(testDb(), sam, randomUUID(), { tabId: TAB_1, state: "viewing" }),
    ).rejects.toMatchObject({ status: 404 });
    // The admin sees the conversation, and their presence there.
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_1, state: "viewing" });
    expect((await listPresence(testDb(), admin, conversationId)).map((entry) => entry.userId)).toEqual([sam.id]);
  });

  it("leaves out deactivated users", async () => {
    await announcePresence(testDb(), sam, conversationId, { tabId: TAB_1, state: "viewing" });
    await testDb().user.update({ where: { id: sam.id }, data: { active: false } });
    expect(await listPresence(testDb(), robin, conversationId)).toEqual([]);
  });
});

async function user(name: string, role: "ADMIN" | "AGENT"): Promise<Actor> {
  const row = await testDb().user.create({
    data: { email: `${unique("presence")}@example.com`, name, passwordHash: "x", role },
  });
  return { id: row.id, role: row.role, active: true };
}

async function conversationOn(ownerNumber: string) {
  const participant = uniqueNumber();
  return testDb().conversation.create({
    data: { ownerNumber, participants: [participant], participantsKey: participant },
  });
}

function rows() {
  return testDb().conversationPresence.findMany({ where: { conversationId }, orderBy: { userId: "asc" } });
}

/**
 * Waits until every notice committed so far has reached the listener: PostgreSQL delivers them in
 * commit order, so once a marker sent now arrives, any earlier notice has arrived too.
 */
async function settled(): Promise<void> {
  const marker: ChangeNotice = { kind: "presence.updated", conversationId: randomUUID() };
  for (const payload of encodeNotices([marker]))
    await testDb().$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${payload})`;
  const deadline = Date.now() + 5_000;
  while (!heard.some((notice) => notice.conversationId === marker.conversationId)) {
    if (Date.now() > deadline) throw new Error("the marker notice never arrived");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
