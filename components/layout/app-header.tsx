import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/auth/policies";

export function AppHeader({ user, current }: { user: Actor & { name: string }; current: "inbox" | "admin" }) {
  const linkClass = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`;
  return (
    <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-center gap-4">
        <Link href="/conversations" className="flex items-center gap-2 font-semibold">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/favicon.svg" alt="" width={24} height={24} />
          Switchboard
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <Link
            href="/conversations"
            className={linkClass(current === "inbox")}
            aria-current={current === "inbox" ? "page" : undefined}
          >
            Inbox
          </Link>
          {user.role === "ADMIN" ? (
            <Link
              href="/admin"
              className={linkClass(current === "admin")}
              aria-current={current === "admin" ? "page" : undefined}
            >
              Admin
            </Link>
          ) : null}
        </nav>
      </div>
      <div className="flex items-center gap-3">
        <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-300" data-testid="current-user">
          {user.name} · {user.role === "ADMIN" ? "Admin" : "Agent"}
        </span>
        <Link
          href="/account"
          className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Account
        </Link>
        <SignOutButton />
      </div>
    </header>
  );
}
