/** A person's initials in a small circle (decorative: their name is always written beside it or in the label). */
export function Initials({ name, className = "" }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={`inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-brand-100 text-[0.625rem] font-semibold text-brand-700 dark:bg-brand-700 dark:text-white ${className}`}
    >
      {initialsOf(name)}
    </span>
  );
}

export function initialsOf(name: string): string {
  if (/^\+?[\d(]/.test(name)) return "#";
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
}
