-- A failed recipient is retried at most once: the retry's message and conversation are kept on the
-- original recipient row (no foreign key: the id is claimed before the retry message exists).
ALTER TABLE "message_recipients" ADD COLUMN "retry_message_id" UUID;
ALTER TABLE "message_recipients" ADD COLUMN "retry_conversation_id" UUID;
