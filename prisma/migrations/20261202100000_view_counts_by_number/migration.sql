-- The views' counts on one of our numbers walk this index (conversation-queries.ts countConversations).
CREATE INDEX "conversations_owner_number_status_assignee_id_idx" ON "conversations"("owner_number", "status", "assignee_id");
