import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { acceptInviteSchema, changePasswordSchema, newPasswordSchema } from "@/lib/auth/password-strength";

describe("choosing a password", () => {
  it.each(["aaaaaaaaaaaa", "password1234", "qwertyuiopasdf", "123456789012", "switchboard1", "abcdefghijkl"])(
    "refuses the weak or common %j, with zxcvbn's advice",
    (password) => {
      const result = newPasswordSchema.safeParse(password);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^(Too easy to guess|At least 12)/);
    },
  );

  it("accepts a strong one, and the one-time passwords admins are given", () => {
    expect(newPasswordSchema.safeParse("ivy's own long password").success).toBe(true);
    expect(newPasswordSchema.safeParse("correct-horse-battery-staple-9").success).toBe(true);
    expect(newPasswordSchema.safeParse(randomBytes(12).toString("base64url")).success).toBe(true);
  });

  it("is the same rule for invitations and password changes", () => {
    expect(acceptInviteSchema.safeParse({ password: "aaaaaaaaaaaa" }).success).toBe(false);
    expect(acceptInviteSchema.safeParse({ password: "ivy's own long password" }).success).toBe(true);
    expect(changePasswordSchema.safeParse({ currentPassword: "anything", newPassword: "aaaaaaaaaaaa" }).success).toBe(
      false,
    );
  });

  it("wants the current password and a different new one", () => {
    const same = changePasswordSchema.safeParse({
      currentPassword: "ivy's own long password",
      newPassword: "ivy's own long password",
    });
    expect(same.error?.issues[0]).toMatchObject({ path: ["newPassword"], message: expect.stringMatching(/different/) });
    expect(
      changePasswordSchema.safeParse({ currentPassword: "", newPassword: "ivy's own long password" }).success,
    ).toBe(false);
  });
  it("stops at the length limit: a huge password is never handed to zxcvbn (its cost grows with length)", () => {
    const result = newPasswordSchema.safeParse("x".repeat(100_000));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["At most 200 characters"]);
  });
});
