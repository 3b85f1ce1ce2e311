// What the database holds at the end, by event identity (Bandwidth's message id).
import pg from "pg";

export type StoredCounts = { messages: Map<string, number>; applied: Map<string, number> };

export async function storedCounts(databaseUrl: string, idPattern: string): Promise<StoredCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const messages = await client.query<{ id: string; n: number }>(
      "SELECT bandwidth_message_id AS id, count(*)::int AS n FROM messages WHERE bandwidth_message_id LIKE $1 GROUP BY 1",
      [idPattern],
    );
    const applied = await client.query<{ id: string; n: number }>(
      `SELECT bandwidth_message_id AS id, count(*)::int AS n FROM callback_events
       WHERE bandwidth_message_id LIKE $1 AND outcome = 'applied' GROUP BY 1`,
      [idPattern],
    );
    return {
      messages: new Map(messages.rows.map((row) => [row.id, row.n])),
      applied: new Map(applied.rows.map((row) => [row.id, row.n])),
    };
  } finally {
    await client.end();
  }
}

/** Our message id for a Bandwidth message id, once it is stored. */
export async function messageIdFor(databaseUrl: string, bandwidthMessageId: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "SELECT id::text FROM messages WHERE bandwidth_message_id = $1",
      [bandwidthMessageId],
    );
    return rows[0]?.id;
  } finally {
    await client.end();
  }
}
