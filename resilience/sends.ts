// Sends queued through the API just before an instance is killed: held at the gate in front of
// Bandwidth (claimed, not yet out), so the kill catches some on the wire.
import pg from "pg";
import { RESILIENCE_BANDWIDTH } from "./bandwidth";

export const SETTLED = ["sent", "delivered", "failed", "unconfirmed"];

export async function queueSends(balancerUrl: string, cookie: string, count: number, run: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${balancerUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({
        from: RESILIENCE_BANDWIDTH.number,
        to: `+1202556${String(1_000 + index).slice(-4)}`,
        text: `Resilience send ${run} #${index + 1}`,
      }),
    });
    const body = (await response.json().catch(() => ({}))) as { message?: { id: string } };
    if (response.status !== 202 || !body.message) throw new Error(`POST /api/messages answered ${response.status}`);
    ids.push(body.message.id);
  }
  return ids;
}

/** Each send's status, by our message id. */
export async function sendStatuses(databaseUrl: string, ids: string[]): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; status: string }>(
      "SELECT id::text, status::text FROM messages WHERE id = ANY($1::uuid[])",
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  } finally {
    await client.end();
  }
}

/** For a send that did not settle: its claim and every job about it (pg-boss), to say why. */
export async function sendDiagnostics(databaseUrl: string, ids: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(
      `SELECT m.id || ' ' || m.status || ', claimed ' || coalesce(to_char(m.submitted_at, 'HH24:MI:SS.MS'), 'never') ||
              ', attempts ' || m.send_attempts || '; jobs: ' ||
              coalesce((SELECT string_agg(j.name || ' ' || j.state || ' (start after ' || to_char(j.start_after, 'HH24:MI:SS') ||
                                          ', started ' || coalesce(to_char(j.started_on, 'HH24:MI:SS'), 'never') ||
                                          ', retries ' || j.retry_count || ')', ', ' ORDER BY j.created_on)
                        FROM pgboss.job j WHERE j.data->>'messageId' = m.id::text), 'none') AS line
       FROM messages m WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => row.line);
  } finally {
    await client.end();
  }
}
