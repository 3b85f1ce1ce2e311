"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import type { Message } from "@/lib/client/types";
import { formatBytes } from "@/lib/media/limits";

type Media = Message["media"][number];

/**
 * Full size in a modal dialog (the browser's own <dialog>: focus stays inside, Esc closes, the
 * page behind is inert). ← and → move between a message's pictures and clips.
 */
export function MediaViewer({
  items,
  index,
  onIndex,
  onClose,
}: {
  items: Media[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const file = items[index];

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // showModal focuses the first control (Download); the viewer opens on Close instead.
    closeButton.current?.focus();
    return () => element?.close();
  }, []);

  if (!file?.url) return null;
  const move = (step: number) => onIndex((index + step + items.length) % items.length);
  const onKeyDown = (event: KeyboardEvent) => {
    if (items.length < 2) return;
    if (event.key === "ArrowRight") move(1);
    if (event.key === "ArrowLeft") move(-1);
  };
  const buttonClass =
    "rounded-md px-3 py-1.5 text-sm font-medium text-white hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white";
  const arrowClass =
    "flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-white/10 text-3xl leading-none text-white hover:bg-white/25 focus-visible:outline-2 focus-visible:outline-white";

  return (
    <dialog
      ref={dialog}
      aria-label={`${file.fileName}${items.length > 1 ? `, ${index + 1} of ${items.length}` : ""}`}
      onClose={onClose}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="m-0 h-[100dvh] max-h-none w-screen max-w-none bg-slate-950/95 p-0 text-white backdrop:bg-black/60"
    >
      <div className="flex h-full w-full flex-col gap-2 p-3">
        <div className="flex w-full items-center justify-between gap-2">
          <p className="min-w-0 truncate text-sm">
            <span className="font-medium">{file.fileName}</span>
            {file.size !== null ? <span className="text-white/75"> · {formatBytes(file.size)}</span> : null}
            {items.length > 1 ? (
              <span className="text-white/75">
                {" "}
                · {index + 1} of {items.length}
              </span>
            ) : null}
          </p>
          <div className="flex shrink-0 items-center gap-1">
            <a href={file.url} download={file.fileName} className={buttonClass}>
              Download
            </a>
            <button ref={closeButton} type="button" onClick={() => dialog.current?.close()} className={buttonClass}>
              Close
            </button>
          </div>
        </div>
        <div
          className="flex min-h-0 w-full flex-1 items-center justify-center gap-2"
          onClick={(event) => event.target === event.currentTarget && dialog.current?.close()}
        >
          {items.length > 1 ? (
            <button type="button" onClick={() => move(-1)} aria-label="Previous" className={`${arrowClass}`}>
              ‹
            </button>
          ) : null}
          {file.kind === "video" ? (
            <video
              key={file.id}
              src={file.url}
              controls
              autoPlay
              className="max-h-[calc(100dvh-5rem)] min-w-0 max-w-full rounded"
            />
          ) : file.kind === "audio" ? (
            <audio key={file.id} src={file.url} controls autoPlay className="w-full max-w-md" />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- our own authenticated original, any size
            <img
              key={file.id}
              src={file.url}
              alt={file.fileName}
              className="max-h-[calc(100dvh-5rem)] min-w-0 max-w-full rounded object-contain"
            />
          )}
          {items.length > 1 ? (
            <button type="button" onClick={() => move(1)} aria-label="Next" className={`${arrowClass}`}>
              ›
            </button>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
