import type { ReactNode } from "react";

export function AdminSection({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = `admin-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section
      aria-labelledby={id}
      className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{description}</p>
      <div className="overflow-x-auto">{children}</div>
    </section>
  );
}

const SOURCE_LABEL = { ADMIN: "Admin console", ENVIRONMENT: "Environment", SEED: "Demo seed" } as const;

export function SourceTag({ source }: { source: keyof typeof SOURCE_LABEL }) {
  return (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
      {SOURCE_LABEL[source]}
    </span>
  );
}
