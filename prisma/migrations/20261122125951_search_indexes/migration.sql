-- Substring search over numbers and message text (pg_trgm ships with PostgreSQL; trusted since 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "conversations_participants_key_trgm_idx" ON "conversations" USING GIN ("participants_key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "messages_text_trgm_idx" ON "messages" USING GIN ("text" gin_trgm_ops);
