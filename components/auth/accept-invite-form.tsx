"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useAcceptInvite } from "@/lib/client/invites";
import { acceptInviteFormSchema } from "@/lib/validations/password";

export function AcceptInviteForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useAcceptInvite(token);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = acceptInviteFormSchema.safeParse({ password });
    setProblem(check.success ? null : (check.error.issues[0]?.message ?? "Invalid password"));
    if (check.success) accept.mutate(password);
  };
  if (accept.isSuccess) {
    return (
      <p role="status" className="text-sm">
        Your password is set.{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline dark:text-brand-100">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Choose a password">
      <TextField
        label="Password (12 characters or more)"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={problem ?? undefined}
        required
      />
      {accept.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {accept.error.message}
        </p>
      ) : null}
      <Button type="submit" disabled={accept.isPending}>
        {accept.isPending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
