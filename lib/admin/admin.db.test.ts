import { beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import { callbackCredentialsAccepted } from "@/lib/messaging/callback-auth";
import { addAccount, setUpAdminFixture } from "@/lib/testing/admin-fixtures";
import type { MessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, unique, uniqueNumber } from "@/lib/testing/test-database";
import { applicationCreateSchema, numberCreateSchema } from "@/lib/validations/admin";
import { listAudit } from "./audit";
import { createApplication, listApplications, rotateCallbackCredentials } from "./applications";
import { createNumber, updateNumber } from "./numbers";
import { acceptInvite, createUser, findInvite, updateUser } from "./users";

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
const uuid = () => crypto.randomUUID();

let fixture: MessagingFixture;
let admin: CurrentUser;
let logged: string[];
const current = setUpAdminFixture();
beforeEach(() => ({ fixture, admin, logged } = current()));

const auditFor = async (targetId: string) =>
  (await listAudit(testDb(), { limit: 50 })).entries.filter((entry) => entry.targetId === targetId);
const newAccount = () => addAccount(current());

describe("applications and callback credentials", () => {
  it("generates strong callback credentials, shown once and stored hashed, that the webhook accepts", async () => {
    const account = await newAccount();
    const applicationId = uuid();
    const { application, credentials } = await createApplication(
      testDb(),
      admin,
      applicationCreateSchema.parse({ applicationId, name: "Support app", accountId: account.id }),
      "https://inbox.example.com",
    );
    expect(application.callbackUrl).toBe(`https://inbox.example.com/api/webhooks/bandwidth/${applicationId}`);
    expect(credentials.password.length).toBeGreaterThanOrEqual(43);
    const stored = await testDb().callbackCredential.findMany({ where: { applicationId: application.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.passwordHash).not.toContain(credentials.password);
    expect(
      await callbackCredentialsAccepted(testDb(), applicationId, basic(credentials.username, credentials.password)),
    ).toBe(true);
    expect(JSON.stringify(await listApplications(testDb(), "https://inbox.example.com"))).not.toContain(
      credentials.password,
    );
    const [entry] = await auditFor(application.id);
    expect(entry).toMatchObject({
      action: "application.create",
      details: { applicationId, callbackUsername: credentials.username, callbackPassword: "[redacted]" },
    });
  });

  it("rotates: the new pair works at once and the old one until the grace period ends", async () => {
    const account = await newAccount();
    const applicationId = uuid();
    const { application, credentials: first } = await createApplication(
      testDb(),
      admin,
      { applicationId, name: "Rotating", accountId: account.id },
      "https://x",
    );
    const second = await rotateCallbackCredentials(testDb(), admin, application.id, 24);
    // The webhook caches credentials for a few seconds; ask it fresh.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect(await callbackCredentialsAccepted(testDb(), applicationId, basic(second.username, second.password))).toBe(
      true,
    );
    expect(await callbackCredentialsAccepted(testDb(), applicationId, basic(first.username, first.password))).toBe(
      true,
    );
    await rotateCallbackCredentials(testDb(), admin, application.id, 0);
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect(await callbackCredentialsAccepted(testDb(), applicationId, basic(first.username, first.password))).toBe(
      false,
    );
    expect(await callbackCredentialsAccepted(testDb(), applicationId, basic(second.username, second.password))).toBe(
      false,
    );
    expect((await auditFor(application.id)).map((entry) => entry.action)).toEqual([
      "application.rotate_credentials",
      "application.rotate_credentials",
      "application.create",
    ]);
  }, 20_000);

  it("leaves the environment's callback credentials to the environment", async () => {
    const fromEnv = await testDb().bandwidthApplication.findUniqueOrThrow({
      where: { applicationId: fixture.applicationId },
    });
    await expect(rotateCallbackCredentials(testDb(), admin, fromEnv.id, 24)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("BANDWIDTH_CALLBACK_USERNAME/PASSWORD"),
    });
  });

  it("refuses a malformed application id and a duplicate one", async () => {
    expect(
      applicationCreateSchema.safeParse({ applicationId: "my-app", name: "x", accountId: uuid() }).error?.issues[0]
        ?.message,
    ).toContain("applicationId: Bandwidth's application id is a UUID");
    const account = await newAccount();
    const applicationId = uuid();
    await createApplication(testDb(), admin, { applicationId, name: "One", accountId: account.id }, "https://x");
    await expect(
      createApplication(testDb(), admin, { applicationId, name: "Two", accountId: account.id }, "https://x"),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("numbers", () => {
  it("ties a number to an application, flags toll-free, refuses duplicates and malformed numbers", async () => {
    const account = await newAccount();
    const { application } = await createApplication(
      testDb(),
      admin,
      { applicationId: uuid(), name: "Numbers", accountId: account.id },
      "https://x",
    );
    const local = uniqueNumber();
    const number = await createNumber(
      testDb(),
      admin,
      numberCreateSchema.parse({ e164: local, applicationId: application.id, label: "Support" }),
    );
    expect(number).toMatchObject({
      e164: local,
      tollFree: false,
      allowAllAgents: true,
      application: { applicationId: application.applicationId },
    });
    const tollFree = `+1888${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    expect(
      (await createNumber(testDb(), admin, numberCreateSchema.parse({ e164: tollFree, applicationId: application.id })))
        .tollFree,
    ).toBe(true);
    await expect(
      createNumber(testDb(), admin, numberCreateSchema.parse({ e164: local, applicationId: application.id })),
    ).rejects.toMatchObject({ status: 409, message: `${local} is already one of our numbers.` });
    expect(
      numberCreateSchema.safeParse({ e164: "919-555-0100", applicationId: application.id }).error?.issues[0]?.message,
    ).toBe("e164: write the phone number in international (E.164) form, e.g. +19195550100");
    await expect(
      createNumber(testDb(), admin, {
        e164: "+1555",
        applicationId: application.id,
        allowAllAgents: true,
        agentIds: [],
      }),
    ).rejects.toMatchObject({ status: 422 });

    await updateNumber(testDb(), admin, number.id, { allowAllAgents: false, agentIds: [admin.id] });
    expect((await auditFor(number.id)).map((entry) => entry.action)).toEqual(["number.update", "number.create"]);
  });
});

describe("the audit log", () => {
  it("is kept: entries cannot be deleted or rewritten", async () => {
    const account = await newAccount();
    const [entry] = await auditFor(account.id);
    await expect(testDb().$executeRaw`DELETE FROM audit_log WHERE id = ${entry!.id}`).rejects.toThrow(
      /audit_log entries are kept/,
    );
    await expect(testDb().$executeRaw`UPDATE audit_log SET details = '{}' WHERE id = ${entry!.id}`).rejects.toThrow(
      /audit_log entries are kept/,
    );
  });
});

describe("agents", () => {
  it("creates an agent with a one-time password that signs in, or an invitation link used once", async () => {
    const withPassword = await createUser(testDb(), admin, {
      email: `${unique("otp")}@example.com`,
      name: "Olive",
      role: "AGENT",
      access: "password",
    });
    const hash = (await testDb().user.findUniqueOrThrow({ where: { id: withPassword.user.id } })).passwordHash;
    expect(await verifyPassword(withPassword.oneTimePassword ?? "", hash)).toBe(true);

    const invited = await createUser(testDb(), admin, {
      email: `${unique("inv")}@example.com`,
      name: "Ivan",
      role: "AGENT",
      access: "invite",
    });
    const token = invited.invitePath?.split("/").pop() ?? "";
    expect(await findInvite(testDb(), token)).toMatchObject({ email: invited.user.email });
    expect(
      await verifyPassword(
        "anything",
        (await testDb().user.findUniqueOrThrow({ where: { id: invited.user.id } })).passwordHash,
      ),
    ).toBe(false);
    await acceptInvite(testDb(), token, "a long new password", unique("ip"));
    expect(
      await verifyPassword(
        "a long new password",
        (await testDb().user.findUniqueOrThrow({ where: { id: invited.user.id } })).passwordHash,
      ),
    ).toBe(true);
    await expect(acceptInvite(testDb(), token, "another password!", unique("ip"))).rejects.toMatchObject({
      status: 404,
    });
    expect((await auditFor(invited.user.id)).map((entry) => entry.action)).toEqual([
      "user.invite_accepted",
      "user.create",
    ]);
    await expect(
      createUser(testDb(), admin, { email: invited.user.email, name: "Again", role: "AGENT", access: "invite" }),
    ).rejects.toMatchObject({ status: 409 });
    expect(logged.join("\n")).not.toContain(withPassword.oneTimePassword ?? "never");
  });

  it("deactivating ends the sessions at once; reactivating lets them back; both audited", async () => {
    const { user } = await createUser(testDb(), admin, {
      email: `${unique("d")}@example.com`,
      name: "Dee",
      role: "AGENT",
      access: "password",
    });
    const before = (await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await updateUser(testDb(), admin, user.id, { active: false });
    expect(await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      active: false,
      sessionVersion: before + 1,
    });
    await updateUser(testDb(), admin, user.id, { active: true });
    expect((await auditFor(user.id)).map((entry) => entry.action)).toEqual([
      "user.reactivate",
      "user.deactivate",
      "user.create",
    ]);
  });

  it("never removes the last active admin", async () => {
    // Leave exactly one active admin: this test's.
    await testDb().user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { active: false } });
    await expect(updateUser(testDb(), admin, admin.id, { role: "AGENT" })).rejects.toMatchObject({
      status: 409,
      code: "last_admin",
    });
    await expect(updateUser(testDb(), admin, admin.id, { active: false })).rejects.toMatchObject({ status: 409 });
    const { user: second } = await createUser(testDb(), admin, {
      email: `${unique("a2")}@example.com`,
      name: "Second",
      role: "ADMIN",
      access: "password",
    });
    await updateUser(testDb(), admin, admin.id, { role: "AGENT" });
    await expect(updateUser(testDb(), admin, second.id, { active: false })).rejects.toMatchObject({ status: 409 });
  });
});
