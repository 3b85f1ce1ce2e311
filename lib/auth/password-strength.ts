import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { acceptInviteShape, changePasswordShape, passwordLengthSchema } from "@/lib/validations/password";

// zxcvbn (a maintained estimator: common passwords, words, names, keyboard patterns, repeats,
// dates) rather than a list of our own. Built on first use: its dictionaries are large. It reads
// at most 64 characters: its cost grows with length, and 64 characters are plenty to judge.
let estimator: ZxcvbnFactory | undefined;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    maxLength: 64,
  }));

/** zxcvbn's 0–4 scale; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_PASSWORD_SCORE = 3;

/**
 * A password someone chooses (an invitation, a password change): refused when zxcvbn finds it
 * guessable, with zxcvbn's own advice as the message.
 */
export const newPasswordSchema = passwordLengthSchema.superRefine((password, context) => {
  const result = strength().check(password);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  context.addIssue({ code: "custom", message: `Too easy to guess. ${advice || "Add more unusual words."}`.trim() });
});

export const changePasswordSchema = changePasswordShape(newPasswordSchema);
export const acceptInviteSchema = acceptInviteShape(newPasswordSchema);
