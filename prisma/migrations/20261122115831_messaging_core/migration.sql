-- AlterEnum
ALTER TYPE "CallbackOutcome" ADD VALUE 'superseded';

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "send_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "submitted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "callback_dedupe" (
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "callback_dedupe_pkey" PRIMARY KEY ("dedupe_key")
);

-- CreateTable
CREATE TABLE "pending_status_events" (
    "id" BIGSERIAL NOT NULL,
    "tag" TEXT NOT NULL,
    "callback_event_id" BIGINT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pending_status_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "send_pacing" (
    "account_id" UUID NOT NULL,
    "next_slot_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "send_pacing_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "admin_alerts" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "account_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "admin_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "callback_dedupe_created_at_idx" ON "callback_dedupe"("created_at");

-- CreateIndex
CREATE INDEX "pending_status_events_tag_idx" ON "pending_status_events"("tag");

-- CreateIndex
CREATE INDEX "admin_alerts_resolved_at_created_at_idx" ON "admin_alerts"("resolved_at", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "send_pacing" ADD CONSTRAINT "send_pacing_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "bandwidth_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_alerts" ADD CONSTRAINT "admin_alerts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "bandwidth_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
