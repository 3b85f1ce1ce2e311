import { afterAll, describe, expect, it } from "vitest";
import { testDb, unique } from "@/lib/testing/test-database";
import { hashPassword } from "./password";
import { clientAddress } from "./client-address";
import { PEER_ADDRESS_HEADER } from "./peer-address";
import { INVALID_CREDENTIALS, signInWithPassword } from "./sign-in";

const limits = { perAccount: 3, perAddress: 5, windowMinutes: 15 };
const noPause = async () => undefined;
const recordPause = (pauses: number[]) => async (ms: number) => void pauses.push(ms);

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

  it("never locks the owner out: after an attacker's failures elsewhere, their own address signs in", async () => {
    const email = await makeUser();
    const attacker = unique("ip");
    for (let attempt = 0; attempt < limits.perAccount + 2; attempt += 1) {
      await signInWithPassword(testDb(), { email, password: `wrong-${attempt}` }, attacker, limits, noPause);
    }
    // The attacker's address is blocked for this account, even with the right password…
    expect(
      await signInWithPassword(testDb(), { email, password: "right-password-123" }, attacker, limits, noPause),
    ).toEqual({ ok: false, message: "Too many failed sign-ins. Try again in 15 minutes." });
    // …and the owner, from an address that did not fail, gets in (slowed, not refused).
    const pauses: number[] = [];
    const owner = await signInWithPassword(
      testDb(),
      { email, password: "right-password-123" },
      unique("ip"),
      limits,
      recordPause(pauses),
    );
    expect(owner.ok).toBe(true);
    expect(pauses).toEqual([expect.any(Number)]);
  });

  it("slows down guessing on an account from many addresses with a growing delay", async () => {
    const email = await makeUser();
    const pauses: number[] = [];
    for (let attempt = 0; attempt < limits.perAccount + 3; attempt += 1) {
      const result = await signInWithPassword(
        testDb(),
        { email, password: `wrong-${attempt}` },
        unique("ip"),
        limits,
        recordPause(pauses),
      );
      expect(result).toEqual({ ok: false, message: INVALID_CREDENTIALS });
    }
    // No delay for the first failures, then one that doubles each time, up to a cap.
    expect(pauses).toEqual([1000, 2000, 4000]);
  });

  it("is not bypassed by rotating X-Forwarded-For when no proxy is trusted", async () => {
    const addressLimits = { ...limits, perAddress: 4 };
    for (let attempt = 0; attempt < addressLimits.perAddress; attempt += 1) {
      const headers = { "x-forwarded-for": `203.0.113.${attempt}`, [PEER_ADDRESS_HEADER]: "192.0.2.50" };
      await signInWithPassword(
        testDb(),
        { email: `${unique("guess")}@example.com`, password: "x" },
        clientAddress(headers, false, true),
        addressLimits,
        noPause,
      );
    }
    const email = await makeUser();
    const headers = { "x-forwarded-for": "198.51.100.200", [PEER_ADDRESS_HEADER]: "192.0.2.50" };
    const rotated = await signInWithPassword(
      testDb(),
      { email, password: "right-password-123" },
      clientAddress(headers, false, true),
      addressLimits,
      noPause,
    );
    expect(rotated).toMatchObject({ ok: false, message: expect.stringMatching(/Too many failed sign-ins/) });
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
