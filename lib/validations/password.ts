import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { z } from "zod";

// zxcvbn (a maintained estimator: common passwords, words, names, keyboard patterns, repeats,
// dates) rather than a list of our own. Built on first use: its dictionaries are large.
let estimator: ZxcvbnFactory | undefined;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

/** zxcvbn's 0–4 scale; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

/**
 * A password someone chooses: for an invitation, a password change, and the one-time passwords
 * admins hand out. Refused when zxcvbn finds it guessable, with zxcvbn's own advice as the message.
 */
export const newPasswordSchema = z
  .string({ error: "Choose a password" })
  .min(12, "At least 12 characters")
  .max(200, "At most 200 characters")
  .superRefine((password, context) => {
    const result = strength().check(password);
    if (result.score >= MIN_PASSWORD_SCORE) return;
    const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
    context.addIssue({ code: "custom", message: `Too easy to guess. ${advice || "Add more unusual words."}`.trim() });
  });

/** The form on /account and POST /api/me/password. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1024),
    newPassword: newPasswordSchema,
  })
  .strict()
  .refine((value) => value.newPassword !== value.currentPassword, {
    message: "Choose a password different from the current one",
    path: ["newPassword"],
  });

export type ChangePassword = z.infer<typeof changePasswordSchema>;
