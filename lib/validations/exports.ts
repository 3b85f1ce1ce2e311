import { z } from "zod";
import { reportQuerySchema } from "./reports";

// The exports' contract (issue 18): what /api/admin/exports accepts and answers, shared by the
// routes, the page and the tests.

export const RANGE_EXPORT_KINDS = ["messages_csv", "messages_ndjson"] as const;
export type RangeExportKind = (typeof RANGE_EXPORT_KINDS)[number];

/** POST /api/admin/exports: messages of a date range (days in `tz`, both included), optionally one of our numbers. */
export const createExportSchema = z
  .object({
    kind: z.enum(RANGE_EXPORT_KINDS, { message: "kind: must be messages_csv or messages_ndjson" }),
  })
  .and(reportQuerySchema);
export type CreateExport = z.infer<typeof createExportSchema>;

/** What a range export stores as its params. */
export type RangeParams = { from: string; to: string; tz: string; number: string | null };

/** GET /api/admin/exports?limit= */
export const listExportsQuery = z.object({
  limit: z.coerce
    .number({ message: "limit: must be a number" })
    .int("limit: must be a whole number")
    .min(1, "limit: at least 1")
    .max(100, "limit: at most 100")
    .default(20),
});

/** GET /conversations/{id}/transcript?tz= : the zone times are shown in (the browser's). */
export const transcriptQuery = z.object({ tz: reportQuerySchema.shape.tz.catch("UTC") });

/** An export as the list and the progress poll show it. */
export type ExportView = {
  id: string;
  kind: "conversation_json" | RangeExportKind;
  params: Partial<RangeParams> & { conversationId?: string };
  status: "ready" | "running" | "done" | "failed" | "cancelled";
  total: number;
  rowsDone: number;
  bytes: number;
  error: string | null;
  requestedBy: { id: string; name: string } | null;
  createdAt: string | Date;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
  /** Where the file streams from (once), for a ready range export; else null. */
  downloadUrl: string | null;
  /** Running, but no progress for `STALLED_AFTER_MS`: its download was most likely cut off. */
  stalled: boolean;
};

/** A running export writes progress every second while its client reads; this long without any, it is stalled. */
export const STALLED_AFTER_MS = 60_000;

export function toExportView(
  row: {
    id: string;
    kind: ExportView["kind"];
    params: unknown;
    status: ExportView["status"];
    total: number;
    rowsDone: number;
    bytes: bigint;
    error: string | null;
    requester: { id: string; name: string } | null;
    createdAt: Date;
    startedAt: Date | null;
    progressAt: Date | null;
    finishedAt: Date | null;
  },
  now = new Date(),
): ExportView {
  return {
    id: row.id,
    kind: row.kind,
    params: (row.params ?? {}) as ExportView["params"],
    status: row.status,
    total: row.total,
    rowsDone: row.rowsDone,
    bytes: Number(row.bytes),
    error: row.error,
    requestedBy: row.requester,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    downloadUrl:
      row.status === "ready" && row.kind !== "conversation_json" ? `/api/admin/exports/${row.id}/download` : null,
    stalled: row.status === "running" && now.getTime() - (row.progressAt ?? row.createdAt).getTime() > STALLED_AFTER_MS,
  };
}
