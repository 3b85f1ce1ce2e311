-- The team inbox: who owns each conversation and whether it is done, its activity, internal notes
-- with mentions, saved replies, presence and each agent's notification settings.

-- CreateEnum
CREATE TYPE "ConversationStatus" AS ENUM ('open', 'snoozed', 'closed');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('assigned', 'unassigned', 'closed', 'reopened', 'snoozed');

-- CreateEnum
CREATE TYPE "PresenceState" AS ENUM ('viewing', 'typing');

-- AlterEnum
ALTER TYPE "MessageOrigin" ADD VALUE 'AUTOMATIC';

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "assignee_id" UUID,
ADD COLUMN     "last_inbound_at" TIMESTAMPTZ(3),
ADD COLUMN     "snoozed_until" TIMESTAMPTZ(3),
ADD COLUMN     "status" "ConversationStatus" NOT NULL DEFAULT 'open';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "notify_assigned" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notify_mentions" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notify_sound" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notify_unassigned" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "conversation_activity" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "actor_id" UUID,
    "assignee_id" UUID,
    "snoozed_until" TIMESTAMPTZ(3),
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_notes" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "note_mentions" (
    "note_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "note_mentions_pkey" PRIMARY KEY ("note_id","user_id")
);

-- CreateTable
CREATE TABLE "saved_replies" (
    "id" UUID NOT NULL,
    "owner_id" UUID,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_presence" (
    "conversation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "tab_id" TEXT NOT NULL,
    "state" "PresenceState" NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversation_presence_pkey" PRIMARY KEY ("conversation_id","user_id","tab_id")
);

-- CreateIndex
CREATE INDEX "conversation_activity_conversation_id_created_at_idx" ON "conversation_activity"("conversation_id", "created_at");

-- CreateIndex
CREATE INDEX "conversation_notes_conversation_id_created_at_idx" ON "conversation_notes"("conversation_id", "created_at");

-- CreateIndex
CREATE INDEX "note_mentions_user_id_read_at_idx" ON "note_mentions"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "saved_replies_owner_id_name_idx" ON "saved_replies"("owner_id", "name");

-- CreateIndex
CREATE INDEX "conversation_presence_expires_at_idx" ON "conversation_presence"("expires_at");

-- CreateIndex
CREATE INDEX "conversations_status_assignee_id_last_message_at_id_idx" ON "conversations"("status", "assignee_id", "last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_assignee_id_status_last_message_at_id_idx" ON "conversations"("assignee_id", "status", "last_message_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_activity" ADD CONSTRAINT "conversation_activity_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_activity" ADD CONSTRAINT "conversation_activity_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_activity" ADD CONSTRAINT "conversation_activity_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "conversation_notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_replies" ADD CONSTRAINT "saved_replies_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_presence" ADD CONSTRAINT "conversation_presence_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_presence" ADD CONSTRAINT "conversation_presence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A customer's message reopens a closed or snoozed conversation, whichever path stored it (the
-- webhook's single statements, the sandbox, imports), and the thread records it; it also keeps
-- the conversation's last customer message time, so "assigned to me with unread messages" is a
-- comparison of two columns, not a probe of messages per conversation. One statement, on the row
-- the inserting statement has just upserted (and so locked): nothing for an outbound message.
CREATE FUNCTION conversation_on_inbound_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH previous AS (
    SELECT status FROM conversations WHERE id = NEW.conversation_id
  ), updated AS (
    UPDATE conversations
    SET last_inbound_at = GREATEST(coalesce(last_inbound_at, NEW.created_at), NEW.created_at),
        status = 'open', snoozed_until = NULL
    WHERE id = NEW.conversation_id
    RETURNING id
  )
  INSERT INTO conversation_activity (id, conversation_id, kind, reason, created_at)
  SELECT gen_random_uuid(), updated.id, 'reopened', 'customer message', now()
  FROM previous, updated WHERE previous.status <> 'open';
  RETURN NULL;
END;
$$;

CREATE TRIGGER messages_inbound_to_conversation
  AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.direction = 'INBOUND')
  EXECUTE FUNCTION conversation_on_inbound_message();

UPDATE conversations c SET last_inbound_at = m.at
FROM (SELECT conversation_id, max(created_at) AS at FROM messages WHERE direction = 'INBOUND' GROUP BY conversation_id) AS m
WHERE m.conversation_id = c.id;

-- The activity log is history: never rewritten.
CREATE FUNCTION conversation_activity_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'conversation_activity is append-only';
END;
$$;

CREATE TRIGGER conversation_activity_no_update
  BEFORE UPDATE ON conversation_activity
  FOR EACH ROW EXECUTE FUNCTION conversation_activity_append_only();
