import { afterAll, describe, expect, it } from "vitest";
import { testDb, unique } from "@/lib/testing/test-database";
import { hashPassword } from "./password";
import { INVALID_CREDENTIALS, signInWithPassword } from "./sign-in";

const limits = { perAccount: 3, perAddress: 5, windowMinutes: 15 };

async function makeUser(overrides: { active?: boolean; role?: "ADMIN" | "AGENT" } = {}) {
  const email = `${unique("user")}@example.com`;
  await testDb().user.create({
    data: {
      email,
      name: "Test User",
      passwordHash: await hashPassword("right-password-123"),
      role: overrides.role ?? "AGENT",
      active: overrides.active ?? true,
    },
  });
  return email;
}

describe("signing in with a password", () => {
  afterAll(() => testDb().$disconnect());

  it("accepts the right password, case-insensitively on the email, and records the time", async () => {
    const email = await makeUser({ role: "ADMIN" });
    const result = await signInWithPassword(
      testDb(),
      { email: email.toUpperCase(), password: "right-password-123" },
      unique("ip"),
      limits,
    );
    expect(result).toMatchObject({ ok: true, user: { email, role: "ADMIN", sessionVersion: 0 } });
    const stored = await testDb().user.findUniqueOrThrow({ where: { email } });
    expect(stored.lastSignInAt).not.toBeNull();
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const email = await makeUser();
    const wrong = await signInWithPassword(testDb(), { email, password: "wrong-password" }, unique("ip"), limits);
    const unknown = await signInWithPassword(
      testDb(),
      { email: "nobody@example.com", password: "x" },
      unique("ip"),
      limits,
    );
    expect(wrong).toEqual({ ok: false, message: INVALID_CREDENTIALS });
    expect(unknown).toEqual({ ok: false, message: INVALID_CREDENTIALS });
  });

  it("refuses deactivated users even with the right password", async () => {
    const email = await makeUser({ active: false });
    const result = await signInWithPassword(testDb(), { email, password: "right-password-123" }, unique("ip"), limits);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/deactivated/) });
  });

  it("explains bad input without throwing", async () => {
    expect(await signInWithPassword(testDb(), { email: ["x"], password: {} }, "ip", limits)).toEqual({
      ok: false,
      message: "Enter your email address",
    });
    expect(await signInWithPassword(testDb(), undefined, "ip", limits)).toMatchObject({ ok: false });
  });

  it("locks an account after too many failures, from any address, even for the right password", async () => {
    const email = await makeUser();
    for (let attempt = 0; attempt < limits.perAccount; attempt += 1) {
      await signInWithPassword(testDb(), { email, password: "wrong" }, unique("ip"), limits);
    }
    const locked = await signInWithPassword(testDb(), { email, password: "right-password-123" }, unique("ip"), limits);
    expect(locked).toEqual({ ok: false, message: "Too many failed sign-ins. Try again in 15 minutes." });
  });

  it("limits an address trying many accounts", async () => {
    const address = unique("ip");
    for (let attempt = 0; attempt < limits.perAddress; attempt += 1) {
      await signInWithPassword(testDb(), { email: `${unique("guess")}@example.com`, password: "x" }, address, limits);
    }
    const email = await makeUser();
    const fromSameAddress = await signInWithPassword(
      testDb(),
      { email, password: "right-password-123" },
      address,
      limits,
    );
    expect(fromSameAddress).toMatchObject({ ok: false, message: expect.stringMatching(/Too many failed sign-ins/) });
    const fromElsewhere = await signInWithPassword(
      testDb(),
      { email, password: "right-password-123" },
      unique("ip"),
      limits,
    );
    expect(fromElsewhere.ok).toBe(true);
  });

  it("forgets an account's failures after a success", async () => {
    const email = await makeUser();
    for (let attempt = 0; attempt < limits.perAccount - 1; attempt += 1) {
      await signInWithPassword(testDb(), { email, password: "wrong" }, unique("ip"), limits);
    }
    expect(
      (await signInWithPassword(testDb(), { email, password: "right-password-123" }, unique("ip"), limits)).ok,
    ).toBe(true);
    await signInWithPassword(testDb(), { email, password: "wrong" }, unique("ip"), limits);
    expect(
      (await signInWithPassword(testDb(), { email, password: "right-password-123" }, unique("ip"), limits)).ok,
    ).toBe(true);
  });
});
