"use client";

import { useEffect, useRef } from "react";
import { SHORTCUT_HELP } from "@/lib/client/shortcuts";

/**
 * Every keyboard shortcut ("?"), in the browser's own modal <dialog>: focus moves in, Escape closes
 * it, and focus goes back where it was.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      before?.focus();
    };
  }, []);

  const groups = [...new Set(SHORTCUT_HELP.map((entry) => entry.group))];
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-heading"
      onClose={onClose}
      onClick={(event) => event.target === event.currentTarget && event.currentTarget.close()}
      className="m-auto w-[min(28rem,calc(100vw-1rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex flex-col gap-3 p-4">
        <div className="flex items-center justify-between gap-2">
          <h2 id="shortcuts-heading" className="font-semibold">
            Keyboard shortcuts
          </h2>
          <button
            type="button"
            autoFocus
            onClick={() => dialog.current?.close()}
            className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-slate-800"
          >
            Close
          </button>
        </div>
        {groups.map((group) => (
          <table key={group} className="w-full table-fixed text-sm">
            <caption className="pb-1 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
              {group}
            </caption>
            <tbody>
              {SHORTCUT_HELP.filter((entry) => entry.group === group).map((entry) => (
                <tr key={`${group}-${entry.does}`} className="border-t border-slate-100 dark:border-slate-800">
                  <th scope="row" className="w-32 py-1.5 pr-3 text-left font-normal whitespace-nowrap">
                    {entry.keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 ? (
                          <span className="text-slate-600 dark:text-slate-400">
                            {entry.keys.includes("Shift") ? " + " : " or "}
                          </span>
                        ) : null}
                        <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                          {key}
                        </kbd>
                      </span>
                    ))}
                  </th>
                  <td className="py-1.5">{entry.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </dialog>
  );
}
