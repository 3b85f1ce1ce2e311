import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/client/safe-redirect";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

// A query parameter can be repeated (an array) or hold anything: safeRedirectPath checks it.
type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeRedirectPath(callbackUrl, env().NEXTAUTH_URL));
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 p-4 dark:bg-slate-950">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="mb-6 flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <div>
            <h1 className="text-xl font-semibold">Sign in to Switchboard</h1>
            <p className="text-sm text-slate-600 dark:text-slate-400">Your team&apos;s SMS and MMS inbox</p>
          </div>
        </div>
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      </div>
    </main>
  );
}
