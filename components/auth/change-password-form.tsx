"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useChangePassword } from "@/lib/client/account";
import { changePasswordFormSchema } from "@/lib/validations/password";

type FieldErrors = Partial<Record<"currentPassword" | "newPassword", string>>;

/**
 * Changing the password ends every session of the user, this one too (the server cannot re-issue
 * a cookie it did not sign in); the form then signs in again with the new password, so the person
 * stays signed in here and nowhere else.
 */
export function ChangePasswordForm({ oneTimePassword }: { oneTimePassword: boolean }) {
  const router = useRouter();
  const change = useChangePassword();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = changePasswordFormSchema.safeParse({
      currentPassword: data.get("currentPassword"),
      newPassword: data.get("newPassword"),
    });
    setFormError(null);
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "currentPassword" || field === "newPassword") && !found[field]) found[field] = issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    try {
      const { email } = await change.mutateAsync(parsed.data);
      const again = await signIn("credentials", { email, password: parsed.data.newPassword, redirect: false });
      router.replace(again && !again.error ? "/conversations" : "/sign-in");
      router.refresh();
    } catch (error) {
      setFormError(error instanceof Error ? error.message : "Could not change your password. Try again.");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Change password">
      {formError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {formError}
        </p>
      ) : null}
      <TextField
        label={oneTimePassword ? "One-time password" : "Current password"}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <TextField
        label="New password (12 characters or more, hard to guess)"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors.newPassword}
      />
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
