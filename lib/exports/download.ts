import "server-only";
import type { Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { RangeParams } from "@/lib/validations/exports";
import { claimDownload, recordProgress } from "./exports-store";
import { streamMessages } from "./message-export";

/** Progress is written at most this often (the page polls every second). */
const PROGRESS_EVERY_MS = 1_000;

/** Where our links in an export point: the public URL (NEXTAUTH_URL), else the address the request came to. */
export function exportBaseUrl(requestUrl: string): string {
  return (env().NEXTAUTH_URL ?? new URL(requestUrl).origin).replace(/\/+$/, "");
}

/**
 * Streams a ready range export to the admin who created it, once (409 after that): the file, its
 * name and type. Progress and the outcome (done, failed, cancelled when the client goes away) go to
 * the export's row, so any instance answers the page's polls.
 */
export async function downloadExport(database: Db, admin: Actor, id: string, request: Request) {
  const claimed = await claimDownload(database, admin, id);
  let lastWrite = 0;
  const body = streamMessages({
    connectionString: env().DATABASE_URL,
    kind: claimed.kind,
    params: claimed.params,
    baseUrl: exportBaseUrl(request.url),
    signal: request.signal,
    hooks: {
      onTotal: (total) => recordProgress(database, id, { rows: 0, bytes: 0, total }),
      onProgress: async (rows, bytes) => {
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        await recordProgress(database, id, { rows, bytes });
      },
      onEnd: (outcome) =>
        recordProgress(database, id, outcome).catch((error: unknown) =>
          console.error(`[exports] could not record the end of export ${id}`, error),
        ),
    },
  });
  const extension = claimed.kind === "messages_csv" ? "csv" : "ndjson";
  return {
    body,
    fileName: `messages-${fileNamePart(claimed.params)}.${extension}`,
    contentType: claimed.kind === "messages_csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
  };
}

function fileNamePart(params: RangeParams): string {
  const number = params.number ? `-${params.number.replace(/\D/g, "")}` : "";
  return `${params.from}-to-${params.to}${number}`;
}
