import { expect, test, type APIRequestContext } from "@playwright/test";
import { clearFaults, customer, sandbox, setFaults, SUPPORT_LINE } from "./support/sandbox";
import { sql } from "./support/users";

// Sending and callbacks over HTTP: the app, the Bandwidth sandbox and PostgreSQL, for real.
test.use({ storageState: "e2e/.auth/agent.json" });
test.describe.configure({ mode: "serial" });
test.afterEach(async () => {
  await clearFaults();
});

type Recipient = { phoneNumber: string; status: string; errorCode: number | null; errorDescription: string | null };
type Message = {
  id: string;
  conversationId: string;
  status: string;
  recipients: Recipient[];
  bandwidthMessageId: string | null;
  text: string;
  direction: string;
  media: Array<{ fileName: string }>;
};

async function send(request: APIRequestContext, to: string | string[], text = "Hello from Switchboard") {
  const response = await request.post("/api/messages", { data: { from: SUPPORT_LINE, to, text } });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as { message: Message }).message;
}

/** Polls the app's read API until the message matches `done`. */
async function settled(request: APIRequestContext, message: Message, done: (m: Message) => boolean): Promise<Message> {
  let latest = message;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/conversations/${message.conversationId}/messages?limit=50`);
        latest =
          ((await response.json()) as { messages: Message[] }).messages.find((m) => m.id === message.id) ?? latest;
        return done(latest);
      },
      { timeout: 20_000, intervals: [100, 200, 400] },
    )
    .toBe(true);
  return latest;
}

const final = (m: Message) => m.recipients.every((r) => r.status === "delivered" || r.status === "failed");
const summary = (m: Message) =>
  m.recipients
    .map(({ phoneNumber, status, errorCode }) => ({ phoneNumber, status, errorCode }))
    .sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber));

test("a one-to-one SMS is sent and delivered", async ({ request }) => {
  const to = customer();
  const queued = await send(request, to);
  expect(queued).toMatchObject({ status: "queued", recipients: [{ phoneNumber: to, status: "queued" }] });
  const delivered = await settled(request, queued, final);
  expect(delivered).toMatchObject({ status: "delivered", bandwidthMessageId: expect.stringMatching(/^\d{13}/) });
});

test("a group of three: two delivered, the 4432 test number failed with its code", async ({ request }) => {
  const to = [customer(), customer(), "+15555554432"];
  const done = await settled(request, await send(request, to), final);
  expect(done.status).toBe("failed");
  expect(summary(done)).toEqual(
    [
      { phoneNumber: to[0], status: "delivered", errorCode: null },
      { phoneNumber: to[1], status: "delivered", errorCode: null },
      { phoneNumber: "+15555554432", status: "failed", errorCode: 4432 },
    ].sort((a, b) => (a.phoneNumber ?? "").localeCompare(b.phoneNumber ?? "")),
  );
  expect(done.recipients.find((r) => r.errorCode === 4432)?.errorDescription).toBe("rejected-forbidden-country");
});

test("every event duplicated 5 times and shuffled ends as clean delivery does", async ({ request }) => {
  const to = [customer(), customer(), "+15555554432"];
  const clean = await settled(request, await send(request, to, "clean"), final);
  await setFaults({ duplicates: 4, shuffle: true });
  const messy = await settled(request, await send(request, to, "messy"), final);
  // Let all 45 copies land (a slow answer makes Bandwidth resend, so there may be more), then compare.
  const logged = async () =>
    Number(
      (
        await sql<{ n: string }>(`SELECT count(*) AS n FROM callback_events WHERE bandwidth_message_id = $1`, [
          messy.bandwidthMessageId,
        ])
      )[0]?.n,
    );
  await expect.poll(logged, { timeout: 20_000 }).toBeGreaterThanOrEqual(3 * 3 * 5);
  const after = await settled(request, messy, final);
  expect(summary(after)).toEqual(summary(clean));
  expect(after.status).toBe(clean.status);
  // Each of the 9 distinct events took effect once; every other copy was recognised as a duplicate.
  const outcomes = await sql<{ outcome: string; n: string }>(
    `SELECT outcome, count(*) AS n FROM callback_events WHERE bandwidth_message_id = $1 GROUP BY outcome`,
    [messy.bandwidthMessageId],
  );
  const byOutcome = Object.fromEntries(outcomes.map((row) => [row.outcome, Number(row.n)]));
  expect(
    Object.entries(byOutcome)
      .filter(([outcome]) => outcome !== "duplicate")
      .reduce((sum, [, n]) => sum + n, 0),
  ).toBe(9);
  expect(byOutcome.duplicate).toBeGreaterThanOrEqual(36);
});

test("statuses that arrive before the send's 202 is stored are not lost", async ({ request }) => {
  await setFaults({ sendResponseDelayMs: 2_000 });
  const done = await settled(request, await send(request, customer()), final);
  // Delivered on the strength of callbacks matched by our tag, while Bandwidth's 202 is still on its way.
  expect(done.status).toBe("delivered");
  const accepted = async () =>
    (await sql<{ accepted_at: Date | null }>(`SELECT accepted_at FROM messages WHERE id = $1`, [done.id]))[0]
      ?.accepted_at ?? null;
  expect(await accepted()).toBeNull();
  await expect.poll(accepted, { timeout: 10_000 }).not.toBeNull();
  const [row] = await sql<{ early: boolean }>(
    `SELECT min(e.received_at) < m.accepted_at AS early FROM callback_events e JOIN messages m ON m.bandwidth_message_id = e.bandwidth_message_id WHERE m.id = $1 GROUP BY m.accepted_at`,
    [done.id],
  );
  expect(row?.early).toBe(true);
  // Storing the late 202 does not move the delivered status back.
  expect((await settled(request, done, () => true)).status).toBe("delivered");
});

test("429s are absorbed and nothing is lost", async ({ request }) => {
  await setFaults({ failNextSends: [429, 429, 429, 429] });
  const messages = await Promise.all([
    send(request, customer(), "one"),
    send(request, customer(), "two"),
    send(request, customer(), "three"),
  ]);
  for (const message of messages) expect((await settled(request, message, final)).status).toBe("delivered");
  const { body } = await sandbox("/sandbox/requests");
  const statuses = (body as Array<{ status: number; body: { text?: string } }>)
    .filter((r) => ["one", "two", "three"].includes(r.body?.text ?? ""))
    .map((r) => r.status);
  expect(statuses.filter((status) => status === 429)).toHaveLength(4);
  expect(statuses.filter((status) => status === 202)).toHaveLength(3);
});

test("an inbound SMS appears in the inbox", async ({ request }) => {
  const from = customer();
  expect(
    (await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text: "Is the store open on Sunday?" } }))
      .status,
  ).toBe(202);
  await expect
    .poll(
      async () => {
        const { conversations } = (await (
          await request.get(`/api/conversations?q=${encodeURIComponent(from.slice(-7))}`)
        ).json()) as {
          conversations: Array<{
            participants: Array<{ phoneNumber: string }>;
            lastMessage: { preview: string } | null;
            ownerNumber: string;
          }>;
        };
        return conversations.map((c) => ({
          owner: c.ownerNumber,
          participants: c.participants.map((p) => p.phoneNumber),
          preview: c.lastMessage?.preview,
        }));
      },
      { timeout: 15_000 },
    )
    .toEqual([{ owner: SUPPORT_LINE, participants: [from], preview: "Is the store open on Sunday?" }]);
});

test("an inbound group MMS to two of our numbers becomes a group conversation on each", async ({ request }) => {
  const from = customer();
  const friend = customer();
  const image = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ).toString("base64");
  const response = await sandbox("/sandbox/inbound", {
    body: {
      from,
      to: [SUPPORT_LINE, "+19195550101", friend],
      text: "Our broken lamp",
      media: [{ filename: "lamp.png", contentType: "image/png", base64: image }],
    },
  });
  expect(response.status).toBe(202);
  await expect
    .poll(
      async () => {
        const { conversations } = (await (
          await request.get(`/api/conversations?q=${encodeURIComponent(from.slice(-7))}`)
        ).json()) as {
          conversations: Array<{ ownerNumber: string; isGroup: boolean; participants: Array<{ phoneNumber: string }> }>;
        };
        return conversations
          .map((c) => [c.ownerNumber, c.isGroup, c.participants.map((p) => p.phoneNumber).join(",")])
          .sort();
      },
      { timeout: 15_000 },
    )
    .toEqual(
      [
        [SUPPORT_LINE, true, [from, "+19195550101", friend].sort().join(",")],
        ["+19195550101", true, [from, SUPPORT_LINE, friend].sort().join(",")],
      ].sort(),
    );
  const media = await sql<{ file_name: string }>(
    `SELECT file_name FROM media JOIN messages m ON m.id = media.message_id WHERE m."from" = $1`,
    [from],
  );
  expect(media.map((row) => row.file_name)).toEqual(["lamp.png", "lamp.png"]);
});
