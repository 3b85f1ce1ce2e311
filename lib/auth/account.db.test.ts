import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/admin/users";
import { testDb, unique } from "@/lib/testing/test-database";
import { changePassword, endSession, isSessionCurrent } from "./account";
import { hashPassword, verifyPassword } from "./password";

afterAll(() => testDb().$disconnect());

async function makeUser(overrides: { mustChangePassword?: boolean } = {}) {
  return testDb().user.create({
    data: {
      email: `${unique("user")}@example.com`,
      name: "Pat",
      passwordHash: await hashPassword("the current password 1"),
      ...overrides,
    },
  });
}

describe("signing out", () => {
  it("ends the session on the server: its version is no longer current", async () => {
    const user = await makeUser();
    expect(await isSessionCurrent(testDb(), user.id, 0)).toBe(true);
    await endSession(testDb(), user.id, 0);
    expect(await isSessionCurrent(testDb(), user.id, 0)).toBe(false);
    // A stale cookie signing out again changes nothing for the sessions after it.
    await endSession(testDb(), user.id, 0);
    expect(await isSessionCurrent(testDb(), user.id, 1)).toBe(true);
  });

  it("counts a deactivated user's session as ended (what the live stream asks)", async () => {
    const user = await makeUser();
    await testDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await isSessionCurrent(testDb(), user.id, 0)).toBe(false);
  });
});

describe("changing one's password", () => {
  it("needs the current password", async () => {
    const user = await makeUser();
    await expect(
      changePassword(testDb(), user.id, { currentPassword: "not it", newPassword: "a brand new passphrase 7" }),
    ).rejects.toMatchObject({ status: 422, code: "wrong_password" });
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("the current password 1", stored.passwordHash)).toBe(true);
  });

  it("stores the new one, ends the other sessions and clears a pending one-time password", async () => {
    const user = await makeUser({ mustChangePassword: true });
    await changePassword(testDb(), user.id, {
      currentPassword: "the current password 1",
      newPassword: "a brand new passphrase 7",
    });
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("a brand new passphrase 7", stored.passwordHash)).toBe(true);
    expect(stored).toMatchObject({ mustChangePassword: false, sessionVersion: 1 });
    expect(await isSessionCurrent(testDb(), user.id, 0)).toBe(false);
  });

  it("limits attempts, so a borrowed session cannot guess the current password", async () => {
    const user = await makeUser();
    const attempt = () =>
      changePassword(testDb(), user.id, { currentPassword: "guess", newPassword: "a brand new passphrase 7" });
    for (let count = 0; count < 5; count += 1) await expect(attempt()).rejects.toMatchObject({ status: 422 });
    await expect(attempt()).rejects.toMatchObject({ status: 429 });
  });
});

describe("one-time passwords", () => {
  it("must be replaced at first sign-in; an invitation needs no such step", async () => {
    const admin = await testDb().user.create({
      data: { email: `${unique("admin")}@example.com`, name: "Avery", passwordHash: "x", role: "ADMIN" },
    });
    const actor = { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" as const, active: true };
    const withPassword = await createUser(testDb(), actor, {
      email: `${unique("otp")}@example.com`,
      name: "Olive",
      role: "AGENT",
      access: "password",
    });
    const invited = await createUser(testDb(), actor, {
      email: `${unique("inv")}@example.com`,
      name: "Ivan",
      role: "AGENT",
      access: "invite",
    });
    const flags = await testDb().user.findMany({
      where: { id: { in: [withPassword.user.id, invited.user.id] } },
      select: { email: true, mustChangePassword: true },
    });
    expect(Object.fromEntries(flags.map((row) => [row.email, row.mustChangePassword]))).toEqual({
      [withPassword.user.email]: true,
      [invited.user.email]: false,
    });
  });
});
