// A large inbox for latency measurements: `tsx bench/seed-large.ts [conversations] [messages]`
// seeds DATABASE_URL (default 50,000 conversations and 1,000,000 messages, one conversation with
// 5,000 of them). Generated inside PostgreSQL with generate_series, so it takes about a minute.
import pg from "pg";

export const BIG_THREAD_PARTICIPANT = "+15550009999";

export async function seedLargeInbox(
  connectionString: string,
  conversations = 50_000,
  messages = 1_000_000,
): Promise<{ bigConversationId: string }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const owners = ["+19195550100", "+19195550101", "+18885550100"];
    await client.query("BEGIN");
    // The trigger that keeps a conversation's last customer message would update each conversation
    // once per inbound message here; one UPDATE at the end does the same.
    await client.query("ALTER TABLE messages DISABLE TRIGGER messages_inbound_to_conversation");
    // Conversations: one customer each, one in ten a group of three; activity spread over 90 days.
    await client.query(
      `INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, created_at, updated_at)
       SELECT gen_random_uuid(), ($2::text[])[1 + i % 3], p, array_to_string(p, ','), cardinality(p) > 1, now() - (i || ' minutes')::interval * 2.5, now() - interval '90 days', now()
       FROM generate_series(1, $1::int) AS i,
            LATERAL (SELECT CASE WHEN i % 10 = 0
                      THEN ARRAY['+1444' || lpad(i::text, 7, '0'), '+1444' || lpad((i + 1)::text, 7, '0'), '+1444' || lpad((i + 2)::text, 7, '0')]
                      ELSE ARRAY['+1444' || lpad(i::text, 7, '0')] END AS p) AS parts
       ON CONFLICT DO NOTHING`,
      [conversations - 1, owners],
    );
    const big = await client.query<{ id: string }>(
      `INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, ARRAY[$2], $2, false, now(), now() - interval '90 days', now())
       ON CONFLICT (owner_number, participants_key) DO UPDATE SET updated_at = now() RETURNING id::text`,
      [owners[0], BIG_THREAD_PARTICIPANT],
    );
    const bigConversationId = big.rows[0]?.id ?? "";
    // Messages: 5,000 in the big thread, the rest spread over the others; alternating in and out.
    await client.query(
      `INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, segment_count, created_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, CASE WHEN i % 2 = 0 THEN 'INBOUND'::"Direction" ELSE 'OUTBOUND'::"Direction" END,
              CASE WHEN i % 2 = 0 THEN $2 ELSE $3 END, ARRAY[CASE WHEN i % 2 = 0 THEN $3 ELSE $2 END],
              'Message number ' || i || ' in a long thread about an order that keeps getting delayed',
              CASE WHEN i % 2 = 0 THEN 'received'::"DeliveryStatus" ELSE 'delivered'::"DeliveryStatus" END, 1,
              now() - ((5000 - i) || ' minutes')::interval, now()
       FROM generate_series(1, 5000) AS i`,
      [bigConversationId, BIG_THREAD_PARTICIPANT, owners[0]],
    );
    await client.query(
      `INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, segment_count, created_at, updated_at)
       SELECT gen_random_uuid(), c.id, CASE WHEN n % 2 = 0 THEN 'INBOUND'::"Direction" ELSE 'OUTBOUND'::"Direction" END,
              CASE WHEN n % 2 = 0 THEN c.participants[1] ELSE c.owner_number END,
              CASE WHEN n % 2 = 0 THEN ARRAY[c.owner_number] ELSE c.participants END,
              'Hello, this is message ' || n || ' about order #' || (abs(hashtext(c.id::text)) % 100000),
              CASE WHEN n % 2 = 0 THEN 'received'::"DeliveryStatus" ELSE 'delivered'::"DeliveryStatus" END, 1,
              c.last_message_at - (($2::int - n) || ' hours')::interval, now()
       FROM (SELECT id, owner_number, participants, last_message_at, row_number() OVER () AS r FROM conversations WHERE id <> $1::uuid) AS c,
            LATERAL generate_series(1, $2::int) AS n
       WHERE c.r <= $3::int`,
      [
        bigConversationId,
        Math.max(1, Math.ceil((messages - 5000) / Math.max(1, conversations - 1))),
        conversations - 1,
      ],
    );
    await client.query(
      `UPDATE conversations c SET last_message_id = m.id, last_message_at = m.created_at, last_inbound_at = m.last_inbound_at
       FROM (SELECT DISTINCT ON (conversation_id) conversation_id, id, created_at,
                    max(created_at) FILTER (WHERE direction = 'INBOUND') OVER (PARTITION BY conversation_id) AS last_inbound_at
             FROM messages ORDER BY conversation_id, created_at DESC) AS m
       WHERE m.conversation_id = c.id`,
    );
    await client.query("ALTER TABLE messages ENABLE TRIGGER messages_inbound_to_conversation");
    await client.query("COMMIT");
    await client.query("ANALYZE conversations; ANALYZE messages;");
    return { bigConversationId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The team's work on the large inbox, as a busy team leaves it: seven in ten conversations closed,
 * one in ten snoozed, the rest open; open ones spread over ten agents (`agentId` among them) or
 * nobody; a few hundred notes mentioning `agentId`, most of them read.
 */
export async function seedTeamWork(connectionString: string, agentId: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    const agents = await client.query<{ id: string }>(
      `INSERT INTO users (id, email, name, password_hash, role, updated_at)
       SELECT gen_random_uuid(), 'bench-agent-' || i || '@example.com', 'Bench Agent ' || i, 'x', 'AGENT', now()
       FROM generate_series(1, 9) AS i ON CONFLICT (email) DO UPDATE SET updated_at = now() RETURNING id::text`,
    );
    const team = [agentId, ...agents.rows.map((row) => row.id)];
    await client.query(
      `UPDATE conversations c SET
         status = (CASE WHEN h < 70 THEN 'closed' WHEN h < 80 THEN 'snoozed' ELSE 'open' END)::"ConversationStatus",
         snoozed_until = CASE WHEN h BETWEEN 70 AND 79 THEN now() + interval '2 days' END,
         assignee_id = CASE WHEN h % 11 = 10 THEN NULL ELSE ($1::uuid[])[1 + h % 10] END
       FROM (SELECT id, abs(hashtext(id::text)) % 100 AS h FROM conversations) AS x
       WHERE x.id = c.id`,
      [team],
    );
    await client.query(
      `WITH picked AS (
         SELECT id, row_number() OVER () AS n FROM conversations WHERE status = 'open' LIMIT 300
       ), notes AS (
         INSERT INTO conversation_notes (id, conversation_id, author_id, body, created_at)
         SELECT gen_random_uuid(), id, $2::uuid, 'Can you take a look, @Bench?', now() FROM picked
         RETURNING id, conversation_id
       )
       INSERT INTO note_mentions (note_id, user_id, conversation_id, read_at, created_at)
       SELECT notes.id, $1::uuid, notes.conversation_id, CASE WHEN random() < 0.9 THEN now() END, now() FROM notes`,
      [agentId, team[1]],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE conversations; ANALYZE note_mentions;");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [conversations, messages] = process.argv.slice(2).map(Number);
  const started = Date.now();
  const { bigConversationId } = await seedLargeInbox(
    process.env.DATABASE_URL ?? "",
    conversations || undefined,
    messages || undefined,
  );
  console.log(
    `Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s; the 5,000-message thread is conversation ${bigConversationId}`,
  );
}

/**
 * What the reports read, on the large inbox: every outbound message sent by one of the team (the
 * ten agents of seedTeamWork), one to three segments, a recipient row each — nine in ten delivered,
 * the rest failed with a few common codes (9902 among them) or still sent — with the carrier its
 * callback named; and a `closed` entry for each closed conversation, an hour after its last message.
 */
export async function seedReportWork(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    const team = await client.query<{ id: string }>(
      "SELECT id::text FROM users WHERE email LIKE 'bench-agent-%' OR email = 'bench@example.com' ORDER BY email",
    );
    await client.query(
      `UPDATE messages SET sent_by_id = ($1::uuid[])[1 + abs(hashtext(id::text)) % cardinality($1::uuid[])],
              segment_count = 1 + abs(hashtext(id::text)) % 3
       WHERE direction = 'OUTBOUND'`,
      [team.rows.map((row) => row.id)],
    );
    await client.query(
      `INSERT INTO message_recipients (message_id, phone_number, status, error_code, carrier_name, status_at, updated_at)
       SELECT m.id, m.to[1],
              (CASE WHEN h < 90 THEN 'delivered' WHEN h < 97 THEN 'failed' ELSE 'sent' END)::"DeliveryStatus",
              CASE WHEN h BETWEEN 90 AND 96 THEN (ARRAY[4720, 4720, 4750, 4770, 9902, 9902, 4432])[h - 89] END,
              (ARRAY['T-Mobile USA', 'Verizon Wireless', 'AT&T Wireless', 'US Cellular'])[1 + abs(hashtext(m.to[1])) % 4],
              m.created_at + interval '3 seconds', now()
       FROM (SELECT id, "to", created_at, abs(hashtext(id::text || 'outcome')) % 100 AS h FROM messages WHERE direction = 'OUTBOUND') AS m
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO conversation_activity (id, conversation_id, kind, actor_id, created_at)
       SELECT gen_random_uuid(), id, 'closed', assignee_id, last_message_at + interval '1 hour'
       FROM conversations WHERE status = 'closed'`,
    );
    await client.query("COMMIT");
    await client.query("ANALYZE messages; ANALYZE message_recipients; ANALYZE conversation_activity;");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
