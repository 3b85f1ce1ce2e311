import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { findInvite } from "@/lib/admin/users";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Join Switchboard" };

type Props = { params: Promise<{ token: string }> };

/** Public: the invitation link an admin sent. The token in it is the only credential, used once. */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invite = await findInvite(db(), token.slice(0, 200));
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 p-4 dark:bg-slate-950">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {invite ? (
          <>
            <h1 className="text-xl font-semibold">Welcome, {invite.name}</h1>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Choose a password for {invite.email}.</p>
            <AcceptInviteForm token={token} />
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">This invitation is not valid</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              It was used already, has expired, or was withdrawn. Ask your admin for a new one.
            </p>
            <Link
              href="/sign-in"
              className="mt-4 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-100"
            >
              Go to sign-in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
