"use client";

import { useRef, useState, type ClipboardEvent, type DragEvent, type ReactNode } from "react";
import { FileIcon } from "@/components/inbox/file-icon";
import type { Attachments } from "@/lib/client/attachments";
import { ACCEPT_ATTRIBUTE, formatBytes } from "@/lib/media/limits";

/** The paper-clip button and its hidden file picker. */
export function AttachButton({ attachments, id }: { attachments: Attachments; id: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          attachments.add([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      <button
        type="button"
        onClick={() => input.current?.click()}
        className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-200 dark:hover:bg-slate-800"
        title={`Attach pictures, video, audio, PDF or vCard — up to ${attachments.limits.maxFiles} files, ${formatBytes(attachments.limits.maxFileBytes)} each`}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="h-4 w-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        >
          <path
            d="M14.5 8.5 9 14a3 3 0 0 1-4.2-4.2l6-6a2 2 0 0 1 2.8 2.8l-6 6a1 1 0 0 1-1.4-1.4l5.3-5.3"
            strokeLinecap="round"
          />
        </svg>
        Attach
      </button>
    </>
  );
}

/**
 * A drop target around the composer: files dragged onto it are attached. Pasting files (a
 * screenshot) into the text attaches them too.
 */
export function AttachmentDropZone({
  attachments,
  children,
  className = "",
}: {
  attachments: Attachments;
  children: ReactNode;
  className?: string;
}) {
  const [over, setOver] = useState(false);
  const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes("Files");
  return (
    <div
      className={`relative ${className}`}
      onDragEnter={(event) => {
        if (hasFiles(event)) setOver(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(false);
        attachments.add([...event.dataTransfer.files]);
      }}
    >
      {children}
      {over ? (
        <div className="pointer-events-none absolute inset-1 flex items-center justify-center rounded-lg border-2 border-dashed border-brand-500 bg-brand-50/90 text-sm font-medium text-brand-800 dark:bg-slate-900/90 dark:text-brand-200">
          Drop files to attach
        </div>
      ) : null}
    </div>
  );
}

/** For a textarea's onPaste: pasted files become attachments; pasted text stays text. */
export function pasteFiles(attachments: Attachments) {
  return (event: ClipboardEvent) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    attachments.add(files);
  };
}

/** What is attached: previews, upload progress, what is wrong and how to fix it. */
export function AttachmentTray({ attachments }: { attachments: Attachments }) {
  const { items, refusals, problems, warnings } = attachments;
  if (items.length === 0 && refusals.length === 0) return null;
  return (
    <div className="mb-2 flex flex-col gap-2">
      {items.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Attachments">
          {items.map((item) => (
            <li
              key={item.key}
              className="relative w-28 overflow-hidden rounded-md border border-slate-200 bg-white text-xs dark:border-slate-700 dark:bg-slate-900"
              data-attachment-status={item.status}
            >
              <div className="flex h-20 items-center justify-center bg-slate-100 dark:bg-slate-800">
                {item.previewUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a local object URL, not an optimisable asset
                  <img src={item.previewUrl} alt={`Preview of ${item.name}`} className="h-full w-full object-cover" />
                ) : (
                  <FileIcon kind={item.kind} className="h-8 w-8 text-slate-500 dark:text-slate-400" />
                )}
              </div>
              <div className="px-1.5 py-1">
                <p className="truncate font-medium text-slate-800 dark:text-slate-100" title={item.name}>
                  {item.name}
                </p>
                <p className="text-slate-600 dark:text-slate-400">{formatBytes(item.size)}</p>
                {item.status === "uploading" ? (
                  <div
                    role="progressbar"
                    aria-label={`Uploading ${item.name}`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(item.progress * 100)}
                    className="mt-1 h-1.5 rounded bg-slate-200 dark:bg-slate-700"
                  >
                    <div
                      className="h-full rounded bg-brand-600 transition-[width]"
                      style={{ width: `${Math.round(item.progress * 100)}%` }}
                    />
                  </div>
                ) : null}
                {item.status === "error" ? <p className="mt-1 text-red-700 dark:text-red-300">{item.error}</p> : null}
              </div>
              <button
                type="button"
                onClick={() => attachments.remove(item.key)}
                aria-label={`Remove ${item.name}`}
                className="absolute right-1 top-1 flex h-6 w-6 items-center justify-center rounded-full bg-slate-900/70 text-white hover:bg-slate-900"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {[...refusals, ...problems].length > 0 ? (
        <div role="alert" className="text-sm text-red-700 dark:text-red-300">
          {[...refusals, ...problems].map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}
      {warnings.map((warning) => (
        <p key={warning} className="text-sm text-amber-800 dark:text-amber-300">
          {warning}
        </p>
      ))}
    </div>
  );
}
