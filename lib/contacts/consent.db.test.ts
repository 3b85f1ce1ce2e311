import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { stopJobQueue } from "@/lib/jobs/queue";
import { sendMessage } from "@/lib/messaging/send/send-message";
import { closeTestPool, testDb, unique, uniqueNumber } from "@/lib/testing/test-database";
import { testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { getConsentState, recordConsentByHand } from "./consent";
import { exportOptOutsCsv, getConsentSettings, listOptOuts, updateConsentSettings } from "./consent-admin";
import { importOptOuts } from "./consent-import";

let app: TestApplication;
let admin: CurrentUser;
let agent: CurrentUser;
let outsider: CurrentUser;
beforeAll(async () => {
  app = await testApplication();
  admin = await user("ADMIN", "Avery Admin");
  agent = await user("AGENT", "Robin Agent");
  outsider = await user("AGENT", "Olive Outsider");
});
afterAll(async () => {
  await stopJobQueue();
  await testDb().$disconnect();
  await closeTestPool();
});

async function user(role: "ADMIN" | "AGENT", name: string): Promise<CurrentUser> {
  const row = await testDb().user.create({
    data: { email: `${unique("consent")}@example.com`, name, passwordHash: "x", role },
  });
  return { id: row.id, email: row.email, name, role, active: true };
}

async function accountId(): Promise<string> {
  const application = await testDb().bandwidthApplication.findUniqueOrThrow({
    where: { applicationId: app.applicationId },
  });
  return application.accountId;
}

const byHand = (phoneNumber: string, ourNumber: string, action: "opt_out" | "opt_in", reason: string) => ({
  phoneNumber,
  ourNumber,
  action,
  reason,
  ...(action === "opt_in" ? { customerConsented: true } : {}),
});

describe("consent history", () => {
  it("keeps opt-out, opt-in and opt-out again, with who and how, never overwritten", async () => {
    const owner = await app.number();
    const customer = uniqueNumber();
    const first = await recordConsentByHand(testDb(), agent, byHand(customer, owner, "opt_out", "asked on the phone"));
    expect(first).toMatchObject({ action: "opt_out", source: "agent", byName: "Robin Agent", scope: "account" });
    await recordConsentByHand(testDb(), admin, byHand(customer, owner, "opt_in", "signed the form again"));
    await recordConsentByHand(testDb(), agent, byHand(customer, owner, "opt_out", "changed their mind"));

    const state = await getConsentState(testDb(), agent, { phoneNumber: customer, ourNumber: owner });
    expect(state.optedOut).toMatchObject({ reason: "changed their mind", byName: "Robin Agent" });
    expect(state.history.map((entry) => [entry.action, entry.byName, entry.reason])).toEqual([
      ["opt_out", "Robin Agent", "changed their mind"],
      ["opt_in", "Avery Admin", "signed the form again"],
      ["opt_out", "Robin Agent", "asked on the phone"],
    ]);
    // The history is evidence: the database refuses to change or remove it.
    await expect(
      testDb().consentEvent.updateMany({ where: { phoneNumber: customer }, data: { reason: "x" } }),
    ).rejects.toThrow(/append-only/);
    await expect(testDb().consentEvent.deleteMany({ where: { phoneNumber: customer } })).rejects.toThrow(/append-only/);
    const audit = await testDb().auditLog.findMany({ where: { targetType: "consent", targetId: customer } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["consent.opt_in", "consent.opt_out", "consent.opt_out"]);
  });

  it("refuses a send to an opted-out number, and a group naming the participant", async () => {
    const owner = await app.number();
    const [blocked, other] = [uniqueNumber(), uniqueNumber()];
    await recordConsentByHand(testDb(), agent, byHand(blocked, owner, "opt_out", "wrong number"));
    const single = sendMessage(testDb(), agent, { from: owner, to: blocked, text: "hi" });
    await expect(single).rejects.toMatchObject({ status: 422, body: { error: "opted_out" } });
    await expect(single).rejects.toThrow(/opted out on .*\(recorded by Robin Agent: wrong number\)/);
    const group = sendMessage(testDb(), agent, { from: owner, to: [blocked, other], text: "hi all" });
    await expect(group).rejects.toMatchObject({ body: { optedOut: [{ phoneNumber: blocked }] } });
    await expect(group).rejects.toThrow(/Leave them out/);
    expect(await testDb().message.count({ where: { to: { has: blocked }, origin: "SWITCHBOARD" } })).toBe(0);
    await expect(sendMessage(testDb(), agent, { from: owner, to: [other], text: "just you" })).resolves.toMatchObject({
      status: "queued",
    });
  });

  it("scopes an opt-out to the account, or to one number when the account is set so", async () => {
    const [first, second] = [await app.number(), await app.number()];
    const wide = uniqueNumber();
    await recordConsentByHand(testDb(), admin, byHand(wide, first, "opt_out", "account-wide"));
    await expect(sendMessage(testDb(), admin, { from: second, to: wide, text: "x" })).rejects.toMatchObject({
      status: 422,
    });

    const id = await accountId();
    await updateConsentSettings(testDb(), admin, id, { scope: "number" });
    try {
      const narrow = uniqueNumber();
      const entry = await recordConsentByHand(testDb(), admin, byHand(narrow, first, "opt_out", "this number only"));
      expect(entry).toMatchObject({ scope: "number", ourNumber: first });
      await expect(sendMessage(testDb(), admin, { from: first, to: narrow, text: "x" })).rejects.toMatchObject({
        status: 422,
      });
      await expect(sendMessage(testDb(), admin, { from: second, to: narrow, text: "x" })).resolves.toMatchObject({
        status: "queued",
      });
      // The account-wide opt-out still blocks; an opt-in on a number lifts it (the customer asked).
      await recordConsentByHand(testDb(), admin, byHand(wide, second, "opt_in", "texted us to resume"));
      await expect(sendMessage(testDb(), admin, { from: second, to: wide, text: "x" })).resolves.toBeTruthy();
    } finally {
      await updateConsentSettings(testDb(), admin, id, { scope: "account" });
    }
  });

  it("lets only those who may send from the number record, and only admins manage the list", async () => {
    const owner = await app.number();
    await testDb().phoneNumber.update({
      where: { e164: owner },
      data: { allowAllAgents: false, agents: { create: { userId: agent.id } } },
    });
    const customer = uniqueNumber();
    await expect(
      recordConsentByHand(testDb(), outsider, byHand(customer, owner, "opt_out", "x")),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      getConsentState(testDb(), outsider, { phoneNumber: customer, ourNumber: owner }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(recordConsentByHand(testDb(), agent, byHand(customer, owner, "opt_out", "x"))).resolves.toBeTruthy();
    await expect(listOptOuts(testDb(), agent, { limit: 10 })).rejects.toMatchObject({ status: 403 });
    await expect(importOptOuts(testDb(), agent, { csv: customer })).rejects.toMatchObject({ status: 403 });
    await expect(getConsentSettings(testDb(), agent, await accountId())).rejects.toMatchObject({ status: 403 });
  });
});

describe("the admin list", () => {
  it("imports idempotently with line problems, lists, searches, pages, and exports what it imported", async () => {
    const id = await accountId();
    const numbers = [uniqueNumber(), uniqueNumber(), uniqueNumber()];
    const csv = [
      `${numbers[0]},moved away`,
      `${numbers[1]}`,
      "garbage,x",
      `${numbers[0]},twice in the file`,
      `${numbers[2]},"from the old, CRM"`,
    ].join("\n");
    expect(await importOptOuts(testDb(), admin, { accountId: id, csv })).toEqual({
      imported: 3,
      skipped: 1,
      problems: [{ line: 3, problem: '"garbage" is not a phone number' }],
    });
    expect(await importOptOuts(testDb(), admin, { accountId: id, csv })).toMatchObject({ imported: 0, skipped: 4 });

    const found = await listOptOuts(testDb(), admin, { q: "old, CRM", limit: 10 });
    expect(found.items).toMatchObject([
      { phoneNumber: numbers[2], source: "import", byName: "Avery Admin", accountId: id },
    ]);
    const first = await listOptOuts(testDb(), admin, { accountId: id, limit: 2 });
    expect(first.items).toHaveLength(2);
    const rest = await listOptOuts(testDb(), admin, {
      accountId: id,
      limit: 200,
      cursor: first.nextCursor ?? undefined,
    });
    const listed = [...first.items, ...rest.items].map((row) => row.phoneNumber);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(numbers));
    await expect(listOptOuts(testDb(), admin, { limit: 2, cursor: "nonsense" })).rejects.toMatchObject({ status: 400 });

    const exported = await new Response(await exportOptOutsCsv(testDb(), admin, id)).text();
    expect(exported.split("\r\n")[0]).toBe("phone_number,scope,our_number,source,reason,by,opted_out_at");
    expect(exported).toContain(`${numbers[2]},account,,import,"from the old, CRM",Avery Admin,`);
    // Round trip: the export imports into a fresh account as the same numbers, with their reasons.
    const other = await testApplication();
    const otherAccount = (
      await testDb().bandwidthApplication.findUniqueOrThrow({ where: { applicationId: other.applicationId } })
    ).accountId;
    const again = await importOptOuts(testDb(), admin, { accountId: otherAccount, csv: exported });
    expect(again.problems).toEqual([]);
    expect(again.imported).toBe(exported.trim().split("\r\n").length - 1);
    const copied = await listOptOuts(testDb(), admin, { accountId: otherAccount, q: "old, CRM", limit: 5 });
    expect(copied.items).toMatchObject([{ phoneNumber: numbers[2], reason: "from the old, CRM" }]);
  });

  it("keeps per-account settings with defaults", async () => {
    const id = await accountId();
    const settings = await getConsentSettings(testDb(), admin, id);
    expect(settings.optOutReply).toMatch(/unsubscribed from Webhook tests messages/);
    const changed = await updateConsentSettings(testDb(), admin, id, {
      helpReply: "Acme: call 555-0100. Reply STOP to opt out.",
    });
    expect(changed).toMatchObject({ scope: "account", helpReply: "Acme: call 555-0100. Reply STOP to opt out." });
    expect(
      await testDb().auditLog.count({ where: { action: "account.consent_update", targetId: id } }),
    ).toBeGreaterThan(0);
  });
});
