import { z } from "zod";

// The password contracts, as the browser checks them (length, and a new password differing from
// the current one). The server adds zxcvbn's strength check to the same shapes
// (lib/auth/password-strength.ts): its dictionaries are too large to ship to every browser.

/** 12–200 characters; past 200 nothing else is checked (the strength check costs time per character). */
export const passwordLengthSchema = z
  .string({ error: "Choose a password" })
  .min(12, "At least 12 characters")
  .max(200, { error: "At most 200 characters", abort: true });

type PasswordRule = z.ZodType<string>;

/** POST /api/me/password and the form on /account. */
export const changePasswordShape = (newPassword: PasswordRule) =>
  z
    .object({
      currentPassword: z
        .string({ error: "Enter your current password" })
        .min(1, "Enter your current password")
        .max(1024),
      newPassword,
    })
    .strict()
    .refine((value) => value.newPassword !== value.currentPassword, {
      message: "Choose a password different from the current one",
      path: ["newPassword"],
    });

/** POST /api/invites/{token} and the invitation form. */
export const acceptInviteShape = (password: PasswordRule) => z.object({ password }).strict();

export const changePasswordFormSchema = changePasswordShape(passwordLengthSchema);
export const acceptInviteFormSchema = acceptInviteShape(passwordLengthSchema);

export type ChangePassword = z.infer<typeof changePasswordFormSchema>;
