import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/auth/policies";

const SECTIONS = [
  { id: "inbox", href: "/conversations", label: "Inbox", adminOnly: false },
  { id: "replies", href: "/saved-replies", label: "Replies", adminOnly: false },
  { id: "reports", href: "/reports", label: "Reports", adminOnly: false },
  { id: "admin", href: "/admin", label: "Admin", adminOnly: true },
] as const;

export function AppHeader({
  user,
  current,
}: {
  user: Actor & { name: string };
  current: (typeof SECTIONS)[number]["id"];
}) {
  const linkClass = (active: boolean) =>
    `whitespace-nowrap rounded-md px-1.5 py-1.5 text-sm font-medium sm:px-3 ${active ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`;
  return (
    <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-2 py-2 sm:gap-4 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex min-w-0 items-center gap-2 sm:gap-4">
        <Link href="/conversations" className="flex shrink-0 items-center gap-2 font-semibold" aria-label="Switchboard">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/favicon.svg" alt="" width={24} height={24} />
          {/* At phone width the logo stands alone, so the navigation and sign-out fit. */}
          <span className="hidden sm:inline">Switchboard</span>
        </Link>
        <nav aria-label="Main" className="flex items-center sm:gap-1">
          {SECTIONS.filter((section) => !section.adminOnly || user.role === "ADMIN").map((section) => (
            <Link
              key={section.id}
              href={section.href}
              className={linkClass(current === section.id)}
              aria-current={current === section.id ? "page" : undefined}
            >
              {section.label}
            </Link>
          ))}
        </nav>
      </div>
      <div className="flex shrink-0 items-center gap-1 sm:gap-3">
        <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-300" data-testid="current-user">
          {user.name} · {user.role === "ADMIN" ? "Admin" : "Agent"}
        </span>
        {/* At phone width Account and Sign out are icons (still named for screen readers), so the navigation fits. */}
        <Link href="/account" className={`inline-flex items-center ${linkClass(false)}`} title="Account">
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="h-4 w-4 sm:hidden"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          >
            <circle cx="10" cy="7" r="3" />
            <path d="M4 16.5c1-3 3.3-4.5 6-4.5s5 1.5 6 4.5" strokeLinecap="round" />
          </svg>
          <span className="max-sm:sr-only">Account</span>
        </Link>
        <SignOutButton compact />
      </div>
    </header>
  );
}
