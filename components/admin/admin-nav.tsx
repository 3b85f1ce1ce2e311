"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Configuration & team" },
  { href: "/admin/opt-outs", label: "Opt-outs" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/catch-up", label: "Catch-up" },
  { href: "/admin/export", label: "Export" },
];

export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Admin" className="border-b border-slate-200 bg-white px-6 dark:border-slate-800 dark:bg-slate-900">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-4">
        {LINKS.map((link) => {
          const active = path === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700 dark:text-white" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
