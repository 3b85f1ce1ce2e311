"use client";

import { useState } from "react";
import { FileIcon } from "@/components/inbox/file-icon";
import { MediaViewer } from "@/components/inbox/media-viewer";
import type { Message } from "@/lib/client/types";
import { formatBytes } from "@/lib/media/limits";

type Media = Message["media"][number];

/** Opens in the viewer: pictures we have a thumbnail of, and video or audio to play. */
export const isViewable = (file: Media) =>
  file.url !== null &&
  ((file.kind === "image" && file.thumbnailUrl !== null) || file.kind === "video" || file.kind === "audio");

const tileClass =
  "flex h-full min-h-24 w-full flex-col items-center justify-center gap-1 rounded-lg border border-slate-200 bg-slate-50 p-2 text-center text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200";

/**
 * A message's attachments: thumbnails (a grid when there are several) that open the viewer, a tile
 * with name and size for other files, and what is wrong when a file could not be saved.
 */
export function MediaGrid({ media }: { media: Media[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (media.length === 0) return null;
  const viewable = media.filter(isViewable);
  const single = media.length === 1;
  const columns = media.length >= 5 ? "grid-cols-3" : "grid-cols-2";
  return (
    <>
      <ul aria-label="Attachments" className={single ? "w-64 max-w-full" : `grid w-72 max-w-full gap-1 ${columns}`}>
        {media.map((file) => (
          <li key={file.id} className={single ? "" : "aspect-square"} data-media-status={file.status}>
            <MediaTile file={file} single={single} onOpen={() => setOpen(viewable.indexOf(file))} />
          </li>
        ))}
      </ul>
      {open !== null && viewable[open] ? (
        <MediaViewer items={viewable} index={open} onIndex={setOpen} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}

function MediaTile({ file, single, onOpen }: { file: Media; single: boolean; onOpen: () => void }) {
  const size = file.size !== null ? formatBytes(file.size) : "";
  if (file.status === "pending") {
    return (
      <div className={`${tileClass} animate-pulse`} role="status">
        <FileIcon kind={file.kind} className="h-6 w-6" />
        <span className="max-w-full truncate">{file.fileName}</span>
        <span>Saving…</span>
      </div>
    );
  }
  if (!file.url) {
    return (
      <div
        className={`${tileClass} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100`}
      >
        <span className="max-w-full truncate font-medium">{file.fileName}</span>
        <span>
          {file.status === "expired"
            ? "Media expired before it could be saved."
            : (file.statusDetail ?? "This file could not be saved.")}
        </span>
      </div>
    );
  }
  if (file.kind === "image" && file.thumbnailUrl) {
    const ratio = single && file.width && file.height ? `${file.width} / ${file.height}` : undefined;
    return (
      <button
        type="button"
        onClick={onOpen}
        aria-label={`Open ${file.fileName} full size`}
        className="block h-full w-full overflow-hidden rounded-lg bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:bg-slate-800"
        style={ratio ? { aspectRatio: ratio, maxHeight: "20rem" } : undefined}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- our own authenticated thumbnail, already sized */}
        <img src={file.thumbnailUrl} alt={file.fileName} loading="lazy" className="h-full w-full object-cover" />
      </button>
    );
  }
  const body = (
    <>
      <FileIcon kind={file.kind} className="h-7 w-7" />
      <span className="max-w-full truncate font-medium">{file.fileName}</span>
      <span>{size}</span>
    </>
  );
  if (file.kind === "video" || file.kind === "audio") {
    return (
      <button
        type="button"
        onClick={onOpen}
        aria-label={`Play ${file.fileName}`}
        className={`${tileClass} hover:bg-slate-100 dark:hover:bg-slate-700`}
      >
        {body}
      </button>
    );
  }
  return (
    <a
      href={file.url}
      download={file.fileName}
      aria-label={`Download ${file.fileName} (${size})`}
      className={`${tileClass} hover:bg-slate-100 dark:hover:bg-slate-700`}
    >
      {body}
    </a>
  );
}
