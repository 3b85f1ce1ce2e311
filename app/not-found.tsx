import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600 dark:text-brand-100">404</p>
      <h1 className="text-2xl font-semibold">Nothing here</h1>
      <p className="text-slate-600 dark:text-slate-300">
        The page or conversation you asked for does not exist, or was removed.
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
