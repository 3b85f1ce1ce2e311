import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as PasswordModule from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/session";
import { testDb, unique } from "@/lib/testing/test-database";
import { INVITE_ATTEMPTS_PER_ADDRESS, acceptInvite, createUser } from "./users";

// Spied on to prove an unknown token costs no argon2 hash (19 MiB each: a cheap way to load the server).
const hashed = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof PasswordModule>();
  return {
    ...original,
    hashPassword: (password: string) => {
      hashed.count += 1;
      return original.hashPassword(password);
    },
  };
});

let admin: CurrentUser;
beforeEach(async () => {
  const user = await testDb().user.create({
    data: { email: `${unique("admin")}@example.com`, name: "Avery", passwordHash: "x", role: "ADMIN" },
  });
  admin = { id: user.id, email: user.email, name: user.name, role: "ADMIN", active: true };
});
afterAll(() => testDb().$disconnect());

async function invite() {
  const created = await createUser(testDb(), admin, {
    email: `${unique("inv")}@example.com`,
    name: "Ivan",
    role: "AGENT",
    access: "invite",
  });
  return created.invitePath?.split("/").pop() ?? "";
}

describe("accepting an invitation", () => {
  it("looks the token up before hashing: an unknown one is a 404 without any hash", async () => {
    hashed.count = 0;
    await expect(acceptInvite(testDb(), "no-such-token", "a long new password", unique("ip"))).rejects.toMatchObject({
      status: 404,
      code: "invite_invalid",
    });
    expect(hashed.count).toBe(0);

    const token = await invite();
    await acceptInvite(testDb(), token, "a long new password", unique("ip"));
    expect(hashed.count).toBe(1);
  });

  it("limits attempts per address, so tokens cannot be guessed at speed; other addresses go on", async () => {
    const address = unique("ip");
    for (let attempt = 0; attempt < INVITE_ATTEMPTS_PER_ADDRESS; attempt += 1) {
      await expect(acceptInvite(testDb(), unique("guess"), "a long new password", address)).rejects.toMatchObject({
        status: 404,
      });
    }
    const token = await invite();
    await expect(acceptInvite(testDb(), token, "a long new password", address)).rejects.toMatchObject({
      status: 429,
      code: "too_many_attempts",
    });
    await expect(acceptInvite(testDb(), token, "a long new password", unique("ip"))).resolves.toMatchObject({
      email: expect.stringContaining("@example.com"),
    });
  });
});
