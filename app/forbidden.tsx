import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600 dark:text-brand-100">
        403 · Admins only
      </p>
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-slate-600 dark:text-slate-300">
        The admin area is for administrators. If you need a change to accounts, numbers or agents, ask an admin.
      </p>
      <Link
        href="/conversations"
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Back to the inbox
      </Link>
    </main>
  );
}
