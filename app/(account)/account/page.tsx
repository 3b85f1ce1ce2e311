import type { Metadata } from "next";
import Link from "next/link";
import { NotificationSettingsSection } from "@/components/account/notification-settings";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CHANGE_PASSWORD_PATH, mustChangePassword, requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

/**
 * The signed-in user's own password and notification settings; the only page open while a
 * one-time password is in use (then only the password).
 */
export default async function AccountPage() {
  const user = await requirePageUser(CHANGE_PASSWORD_PATH, { duringPasswordChange: true });
  const oneTimePassword = await mustChangePassword();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-slate-50 p-4 dark:bg-slate-950">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">{oneTimePassword ? "Choose your password" : "Change your password"}</h1>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          {oneTimePassword
            ? `${user.name}, your admin gave you a one-time password. Replace it with one only you know to continue.`
            : `Signed in as ${user.email}. Your other sessions end when you change it.`}
        </p>
        <ChangePasswordForm oneTimePassword={oneTimePassword} />
        <div className="mt-4 flex items-center justify-between text-sm">
          {oneTimePassword ? (
            <span />
          ) : (
            <Link href="/conversations" className="font-medium text-brand-700 underline dark:text-brand-100">
              Back to the inbox
            </Link>
          )}
          <SignOutButton />
        </div>
      </div>
      {oneTimePassword ? null : (
        <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <NotificationSettingsSection />
        </div>
      )}
    </main>
  );
}
