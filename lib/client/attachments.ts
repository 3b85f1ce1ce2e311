"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  checkAttachments,
  DEFAULT_MEDIA_LIMITS,
  fileProblem,
  mediaKind,
  type AttachmentCheck,
  type MediaKind,
  type MediaLimits,
} from "@/lib/media/limits";
import type { UploadView } from "@/lib/validations/media-view";
import { fetchJson } from "./query-client";

export type Attachment = {
  key: string;
  name: string;
  size: number;
  type: string;
  kind: MediaKind;
  /** A local preview of a picture (an object URL), before and after upload. */
  previewUrl: string | null;
  status: "uploading" | "ready" | "error";
  /** 0..1 while uploading. */
  progress: number;
  error: string | null;
  upload: UploadView | null;
};

/** The limits in force on the server (configuration), Bandwidth's defaults until they load. */
export function useMediaLimits(): MediaLimits {
  const query = useQuery({
    queryKey: ["media-limits"],
    queryFn: ({ signal }) =>
      fetchJson<{ limits: MediaLimits }>("/api/media/limits", { signal }).then((body) => body.limits),
    staleTime: Infinity,
  });
  return query.data ?? DEFAULT_MEDIA_LIMITS;
}

// Browsers often give no type for a vCard or calendar file: the name tells.
const BY_EXTENSION: Record<string, string> = {
  vcf: "text/vcard",
  vcard: "text/vcard",
  ics: "text/calendar",
  csv: "text/csv",
  txt: "text/plain",
  amr: "audio/amr",
  heic: "image/heic",
};

export function typeOfFile(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  return BY_EXTENSION[extension] ?? "";
}

/** Uploads one file with progress (fetch cannot report upload progress; XHR can). */
function uploadFile(
  file: File,
  type: string,
  onProgress: (fraction: number) => void,
): { promise: Promise<UploadView>; abort: () => void } {
  const request = new XMLHttpRequest();
  const promise = new Promise<UploadView>((resolve, reject) => {
    request.open("POST", `/api/uploads?name=${encodeURIComponent(file.name)}`);
    if (type) request.setRequestHeader("content-type", type);
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      type Answer = { upload?: UploadView; error?: { message?: string } };
      let body: Answer | null;
      try {
        body = JSON.parse(request.responseText) as Answer;
      } catch {
        body = null;
      }
      if (request.status === 201 && body?.upload) resolve(body.upload);
      else reject(new Error(body?.error?.message ?? `Upload failed (HTTP ${request.status}).`));
    };
    request.onerror = () => reject(new Error("Upload failed: the connection was lost. Try again."));
    request.onabort = () => reject(new Error("Upload cancelled."));
    request.send(file);
  });
  return { promise, abort: () => request.abort() };
}

/**
 * The composer's attachments: each file is checked against the limits before any byte is sent,
 * then uploaded at once (with progress) as a draft the send names by id.
 */
export function useAttachments({ tollFree }: { tollFree: boolean }) {
  const limits = useMediaLimits();
  const [items, setItems] = useState<Attachment[]>([]);
  const aborts = useRef(new Map<string, () => void>());
  const [refusals, setRefusals] = useState<string[]>([]);

  const update = useCallback((key: string, patch: Partial<Attachment>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const refused: string[] = [];
      const accepted: Array<{ file: File; item: Attachment }> = [];
      const room = limits.maxFiles - items.length;
      for (const [index, file] of files.entries()) {
        const type = typeOfFile(file);
        const problem =
          index >= room
            ? `${file.name}: at most ${limits.maxFiles} attachments per message.`
            : fileProblem({ name: file.name, size: file.size, type }, limits);
        if (problem) {
          refused.push(problem);
          continue;
        }
        const kind = mediaKind(type);
        const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
        accepted.push({
          file,
          item: {
            key,
            name: file.name,
            size: file.size,
            type,
            kind,
            previewUrl: kind === "image" ? URL.createObjectURL(file) : null,
            status: "uploading",
            progress: 0,
            error: null,
            upload: null,
          },
        });
      }
      setRefusals(refused);
      if (accepted.length === 0) return;
      setItems((current) => [...current, ...accepted.map(({ item }) => item)]);
      for (const { file, item } of accepted) {
        const { promise, abort } = uploadFile(file, item.type, (progress) => update(item.key, { progress }));
        aborts.current.set(item.key, abort);
        promise
          .then(
            (upload) =>
              update(item.key, { status: "ready", progress: 1, upload, kind: upload.kind, type: upload.contentType }),
            (error: Error) => update(item.key, { status: "error", error: error.message }),
          )
          .finally(() => aborts.current.delete(item.key));
      }
    },
    [items.length, limits, update],
  );

  const remove = useCallback((key: string) => {
    setItems((current) => {
      const item = current.find((entry) => entry.key === key);
      if (item) {
        aborts.current.get(key)?.();
        if (item.upload) void fetch(`/api/uploads/${item.upload.id}`, { method: "DELETE" });
        if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
      }
      return current.filter((entry) => entry.key !== key);
    });
    setRefusals([]);
  }, []);

  /** After a send: the drafts now belong to the message, so they are only forgotten here. */
  const clear = useCallback(() => {
    setItems((current) => {
      for (const item of current) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
      return [];
    });
    setRefusals([]);
  }, []);

  useEffect(() => () => aborts.current.forEach((abort) => abort()), []);

  const check: AttachmentCheck = useMemo(() => {
    const live = items.filter((item) => item.status !== "error");
    return checkAttachments(
      live.map((item) => ({ name: item.name, size: item.size, type: item.type })),
      limits,
      { tollFree },
    );
  }, [items, limits, tollFree]);

  const busy = items.some((item) => item.status === "uploading");
  const failed = items.some((item) => item.status === "error");
  const mediaIds = items.flatMap((item) => (item.upload ? [item.upload.id] : []));
  return {
    items,
    add,
    remove,
    clear,
    refusals,
    problems: check.problems,
    warnings: check.warnings,
    busy,
    failed,
    mediaIds,
    limits,
  };
}

export type Attachments = ReturnType<typeof useAttachments>;
