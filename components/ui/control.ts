/** The look of every text box, text area and select, so forms stay alike in light and dark mode. */
export const controlClass =
  "rounded-md border border-slate-300 bg-white outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900";
