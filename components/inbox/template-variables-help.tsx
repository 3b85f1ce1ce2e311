import { TEMPLATE_VARIABLES, placeholderOf } from "@/lib/validations/saved-reply-template";

/** What each variable of a saved reply becomes when it is inserted. */
export function TemplateVariablesHelp() {
  return (
    <section
      aria-labelledby="variables-heading"
      className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="variables-heading" className="text-base font-semibold">
        Variables
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Type <kbd className="font-mono">/</kbd> in a conversation&apos;s reply box (or use its &ldquo;Saved
        replies&rdquo; button) to insert a reply. These are filled in as it is inserted. One without a value stays in
        the message as written, and the reply box asks you to replace it before sending.
      </p>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        {Object.entries(TEMPLATE_VARIABLES).map(([variable, { becomes, example }]) => (
          <div key={variable} className="contents">
            <dt>
              <code className="rounded bg-slate-100 px-1 font-mono text-xs break-all dark:bg-slate-800">
                {placeholderOf(variable)}
              </code>
            </dt>
            <dd className="mb-1 text-slate-700 sm:mb-0 dark:text-slate-300">
              {becomes} <span className="text-slate-500 dark:text-slate-400">For example: {example}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
