-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'AGENT');

-- CreateEnum
CREATE TYPE "ConfigSource" AS ENUM ('ADMIN', 'ENVIRONMENT', 'SEED');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "MessageOrigin" AS ENUM ('SWITCHBOARD', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('queued', 'accepted', 'sending', 'sent', 'delivered', 'failed', 'received', 'unconfirmed');

-- CreateEnum
CREATE TYPE "MediaStatus" AS ENUM ('pending', 'stored', 'expired', 'failed', 'refused');

-- CreateEnum
CREATE TYPE "MediaVariant" AS ENUM ('original', 'thumbnail');

-- CreateEnum
CREATE TYPE "CallbackOutcome" AS ENUM ('applied', 'duplicate', 'rejected', 'ignored', 'deferred', 'conflict');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'AGENT',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_failures" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bandwidth_accounts" (
    "id" UUID NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "messaging_base_url" TEXT NOT NULL,
    "api_username" TEXT NOT NULL,
    "api_password_encrypted" TEXT NOT NULL,
    "source" "ConfigSource" NOT NULL DEFAULT 'ADMIN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bandwidth_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bandwidth_applications" (
    "id" UUID NOT NULL,
    "application_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "source" "ConfigSource" NOT NULL DEFAULT 'ADMIN',
    "last_callback_at" TIMESTAMPTZ(3),
    "last_callback_result" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bandwidth_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_credentials" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "callback_credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phone_numbers" (
    "id" UUID NOT NULL,
    "e164" TEXT NOT NULL,
    "label" TEXT,
    "application_id" UUID NOT NULL,
    "toll_free" BOOLEAN NOT NULL DEFAULT false,
    "allow_all_agents" BOOLEAN NOT NULL DEFAULT true,
    "source" "ConfigSource" NOT NULL DEFAULT 'ADMIN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "phone_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phone_number_agents" (
    "phone_number_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "phone_number_agents_pkey" PRIMARY KEY ("phone_number_id","user_id")
);

-- CreateTable
CREATE TABLE "contact_labels" (
    "phone_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contact_labels_pkey" PRIMARY KEY ("phone_number")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "owner_number" TEXT NOT NULL,
    "participants" TEXT[],
    "participants_key" TEXT NOT NULL,
    "is_group" BOOLEAN NOT NULL DEFAULT false,
    "last_message_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_message_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_reads" (
    "user_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "last_read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversation_reads_pkey" PRIMARY KEY ("user_id","conversation_id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "direction" "Direction" NOT NULL,
    "origin" "MessageOrigin" NOT NULL DEFAULT 'SWITCHBOARD',
    "bandwidth_message_id" TEXT,
    "from" TEXT NOT NULL,
    "to" TEXT[],
    "text" TEXT NOT NULL DEFAULT '',
    "tag" TEXT,
    "segment_count" INTEGER,
    "priority" TEXT,
    "status" "DeliveryStatus" NOT NULL,
    "error_detail" TEXT,
    "sent_by_id" UUID,
    "message_time" TIMESTAMPTZ(3),
    "accepted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_recipients" (
    "message_id" UUID NOT NULL,
    "phone_number" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "error_code" INTEGER,
    "error_description" TEXT,
    "status_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_recipients_pkey" PRIMARY KEY ("message_id","phone_number")
);

-- CreateTable
CREATE TABLE "media" (
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "source_url" TEXT,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "status" "MediaStatus" NOT NULL DEFAULT 'pending',
    "status_detail" TEXT,
    "storage_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "media_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_content" (
    "media_id" UUID NOT NULL,
    "variant" "MediaVariant" NOT NULL,
    "content_type" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "media_content_pkey" PRIMARY KEY ("media_id","variant")
);

-- CreateTable
CREATE TABLE "callback_events" (
    "id" BIGSERIAL NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "application_id" TEXT NOT NULL,
    "request_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT,
    "bandwidth_message_id" TEXT,
    "recipient" TEXT,
    "event_time" TIMESTAMPTZ(3),
    "dedupe_key" TEXT,
    "payload" JSONB NOT NULL,
    "outcome" "CallbackOutcome" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "callback_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "sign_in_failures_key_created_at_idx" ON "sign_in_failures"("key", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_target_type_target_id_idx" ON "audit_log"("target_type", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "bandwidth_accounts_account_id_key" ON "bandwidth_accounts"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "bandwidth_applications_application_id_key" ON "bandwidth_applications"("application_id");

-- CreateIndex
CREATE INDEX "callback_credentials_application_id_idx" ON "callback_credentials"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "phone_numbers_e164_key" ON "phone_numbers"("e164");

-- CreateIndex
CREATE INDEX "conversations_last_message_at_id_idx" ON "conversations"("last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "conversations_owner_number_last_message_at_idx" ON "conversations"("owner_number", "last_message_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "conversations_owner_number_participants_key_key" ON "conversations"("owner_number", "participants_key");

-- CreateIndex
CREATE UNIQUE INDEX "messages_bandwidth_message_id_key" ON "messages"("bandwidth_message_id");

-- CreateIndex
CREATE INDEX "messages_conversation_id_created_at_id_idx" ON "messages"("conversation_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "messages_tag_idx" ON "messages"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "media_message_id_position_key" ON "media"("message_id", "position");

-- CreateIndex
CREATE INDEX "callback_events_bandwidth_message_id_idx" ON "callback_events"("bandwidth_message_id");

-- CreateIndex
CREATE INDEX "callback_events_dedupe_key_idx" ON "callback_events"("dedupe_key");

-- CreateIndex
CREATE INDEX "callback_events_application_id_received_at_idx" ON "callback_events"("application_id", "received_at" DESC);

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bandwidth_applications" ADD CONSTRAINT "bandwidth_applications_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "bandwidth_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_credentials" ADD CONSTRAINT "callback_credentials_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "bandwidth_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "bandwidth_applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_number_agents" ADD CONSTRAINT "phone_number_agents_phone_number_id_fkey" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_number_agents" ADD CONSTRAINT "phone_number_agents_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_labels" ADD CONSTRAINT "contact_labels_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_recipients" ADD CONSTRAINT "message_recipients_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_content" ADD CONSTRAINT "media_content_media_id_fkey" FOREIGN KEY ("media_id") REFERENCES "media"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The raw callback log is append-only: what Bandwidth sent is evidence, never rewritten.
CREATE FUNCTION callback_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'callback_events is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER callback_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "callback_events"
  FOR EACH ROW EXECUTE FUNCTION callback_events_append_only();
