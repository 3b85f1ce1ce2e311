-- Issue 17: catching up on what Bandwidth's callbacks never brought (lib/messaging/catch-up).
-- CreateEnum
CREATE TYPE "StatusSource" AS ENUM ('callback', 'records');

-- AlterTable
ALTER TABLE "message_recipients" ADD COLUMN     "carrier_name" TEXT,
ADD COLUMN     "status_source" "StatusSource" NOT NULL DEFAULT 'callback';

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "attachment_count" INTEGER,
ADD COLUMN     "missed_callback" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "catch_up_runs" (
    "id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "requests" INTEGER NOT NULL DEFAULT 0,
    "outbound_checked" INTEGER NOT NULL DEFAULT 0,
    "outbound_applied" INTEGER NOT NULL DEFAULT 0,
    "numbers_checked" INTEGER NOT NULL DEFAULT 0,
    "inbound_checked" INTEGER NOT NULL DEFAULT 0,
    "inbound_added" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "catch_up_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "catch_up_runs_started_at_idx" ON "catch_up_runs"("started_at" DESC);

