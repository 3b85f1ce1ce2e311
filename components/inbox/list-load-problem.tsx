/** The list could not be loaded: why, in words, and a way to try again now. */
export function ListLoadProblem({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-2 p-4 text-sm text-red-700 dark:text-red-300">
      <p>Could not load conversations. {message}</p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-md border border-slate-300 px-3 py-1 font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        Try again
      </button>
    </div>
  );
}
