import "server-only";
import pg from "pg";
import { pgRunner, type RunSql } from "@/lib/contacts/consent-sql";
import type { RangeExportKind, RangeParams } from "@/lib/validations/exports";
import { CSV_HEADER, csvRecord, messageExport, type ExportMessageRow } from "./export-rows";

/** Rows fetched from the cursor at a time: one chunk of the response. */
export const EXPORT_BATCH = 500;

// Days in the export's time zone: from the start of `from` to the end of `to` ($1, $2, $3), and
// optionally one of our numbers ($4). `created_at` has a BRIN index (migration reports).
const RANGE = `
  FROM messages m JOIN conversations c ON c.id = m.conversation_id
  WHERE m.created_at >= ($1::date::timestamp AT TIME ZONE $3)
    AND m.created_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
    AND ($4::text IS NULL OR c.owner_number = $4)`;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// One statement per message: its recipients and files aggregated by their primary-key indexes.
const MESSAGES = `
  SELECT m.id, m.conversation_id AS "conversationId", c.owner_number AS "ourNumber", m.direction, m.origin,
         m.from_our_line AS "fromOurLine", m.missed_callback AS "missedCallback",
         ${iso("m.created_at")} AS "createdAt", ${iso("m.message_time")} AS "messageTime",
         m."from", m."to", m.text, m.segment_count AS "segmentCount", m.status, m.error_detail AS "errorDetail",
         u.name AS "authorName",
         (SELECT coalesce(json_agg(json_build_object(
                   'phoneNumber', r.phone_number, 'status', r.status, 'errorCode', r.error_code,
                   'errorDescription', r.error_description, 'carrierName', r.carrier_name,
                   'statusSource', r.status_source, 'statusAt', ${iso("r.status_at")})
                 ORDER BY r.phone_number), '[]')
            FROM message_recipients r WHERE r.message_id = m.id) AS recipients,
         (SELECT coalesce(json_agg(json_build_object(
                   'id', f.id, 'fileName', f.file_name, 'contentType', f.content_type, 'size', f.size,
                   'status', f.status, 'statusDetail', f.status_detail, 'width', f.width, 'height', f.height,
                   'hasThumbnail', f.has_thumbnail)
                 ORDER BY f.position), '[]')
            FROM media f WHERE f.message_id = m.id) AS media
  ${RANGE.replace("WHERE", "LEFT JOIN users u ON u.id = m.sent_by_id\n  WHERE")}
  ORDER BY m.created_at, m.id`;

function rangeValues(params: RangeParams): unknown[] {
  return [params.from, params.to, params.tz, params.number];
}

/** How many messages a range export holds (at this moment; the download counts again in its snapshot). */
export async function countRange(run: RunSql, params: RangeParams): Promise<number> {
  const rows = await run<{ count: number }>(`SELECT count(*)::int AS count ${RANGE}`, rangeValues(params));
  return rows[0]?.count ?? 0;
}

export type StreamHooks = {
  /** The count in the stream's snapshot, before the first row. */
  onTotal?: (total: number) => Promise<void> | void;
  /** After each chunk: rows and bytes written so far. */
  onProgress?: (rows: number, bytes: number) => Promise<void> | void;
  /** Once, at the end: all written, the client went away, or an error (the stream errors too). */
  onEnd?: (outcome: {
    status: "done" | "cancelled" | "failed";
    rows: number;
    bytes: number;
    error?: string;
  }) => unknown;
};

/**
 * Messages of a range as CSV or NDJSON, streamed from a server-side cursor on a connection of its
 * own, in one READ ONLY REPEATABLE READ snapshot: `EXPORT_BATCH` rows per pull, so memory stays
 * bounded by the consumer's pace (a pull-based stream, high-water mark one chunk). Stops and lets go
 * of the connection when `signal` aborts or the consumer cancels.
 */
export function streamMessages(options: {
  connectionString: string;
  kind: RangeExportKind;
  params: RangeParams;
  baseUrl: string;
  signal?: AbortSignal;
  hooks?: StreamHooks;
}): ReadableStream<Uint8Array> {
  const { kind, params, baseUrl, signal, hooks = {} } = options;
  const encoder = new TextEncoder();
  let client: pg.Client | null = null;
  let rows = 0;
  let bytes = 0;
  let ended = false;

  const end = async (status: "done" | "cancelled" | "failed", error?: string) => {
    if (ended) return;
    ended = true;
    signal?.removeEventListener("abort", aborted);
    const connection = client;
    client = null;
    // A clean end commits; otherwise closing the connection ends the transaction and its cursor.
    if (connection && status === "done") await connection.query("COMMIT").catch(() => undefined);
    await connection?.end().catch(() => undefined);
    await hooks.onEnd?.({ status, rows, bytes, ...(error ? { error } : {}) });
  };
  const aborted = () => void end("cancelled");
  signal?.addEventListener("abort", aborted, { once: true });

  const chunk = (text: string) => {
    const encoded = encoder.encode(text);
    bytes += encoded.byteLength;
    return encoded;
  };

  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        try {
          client = await openSnapshot(options.connectionString);
          if (ended) return void (await client?.end().catch(() => undefined));
          await hooks.onTotal?.(await countRange(pgRunner(client), params));
          await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${MESSAGES}`, rangeValues(params));
          if (kind === "messages_csv") controller.enqueue(chunk(`\uFEFF${CSV_HEADER.join(",")}\r\n`));
        } catch (error) {
          await fail(controller, error);
        }
      },
      async pull(controller) {
        if (ended || !client) return;
        try {
          const result = await client.query<ExportMessageRow>(`FETCH ${EXPORT_BATCH} FROM export_cursor`);
          if (ended) return;
          let text = "";
          for (const row of result.rows) {
            const message = messageExport(row, baseUrl);
            text += kind === "messages_csv" ? csvRecord(message) : `${JSON.stringify(message)}\n`;
          }
          rows += result.rows.length;
          if (text) controller.enqueue(chunk(text));
          await hooks.onProgress?.(rows, bytes);
          if (result.rows.length < EXPORT_BATCH) {
            await end("done");
            controller.close();
          }
        } catch (error) {
          await fail(controller, error);
        }
      },
      async cancel() {
        await end("cancelled");
      },
    },
    { highWaterMark: 1 },
  );

  async function fail(controller: ReadableStreamDefaultController<Uint8Array>, error: unknown) {
    if (ended) return;
    console.error("[exports] a message export failed", error);
    await end("failed", error instanceof Error ? error.message : String(error));
    controller.error(error);
  }
}

/** A connection of its own in a read-only snapshot (times written in UTC). */
async function openSnapshot(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString, application_name: "switchboard-export" });
  client.on("error", (error) => console.error(`[exports] the export's connection failed: ${error.message}`));
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A download that stalls for this long lets go of its snapshot (the client gets a cut-off file).
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '10min'");
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}
