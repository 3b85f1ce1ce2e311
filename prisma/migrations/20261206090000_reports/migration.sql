-- Issue 18: reports. Rollups the report queries read instead of messages (lib/reports/rollup.ts),
-- rebuilt for the last hours every minute by the `report-rollup` job and for all of history nightly.

-- The rollup job reads the last hours' messages: BRIN costs the webhook's inserts next to nothing.
CREATE INDEX "messages_created_at_brin" ON "messages" USING BRIN ("created_at");

-- CreateTable
CREATE TABLE "report_message_hours" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "our_number" TEXT NOT NULL,
    "direction" "Direction" NOT NULL,
    "origin" "MessageOrigin" NOT NULL,
    "is_group" BOOLEAN NOT NULL,
    "is_mms" BOOLEAN NOT NULL,
    "agent_id" UUID,
    "messages" INTEGER NOT NULL,
    "segments" INTEGER NOT NULL,

    CONSTRAINT "report_message_hours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_delivery_hours" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "our_number" TEXT NOT NULL,
    "is_group" BOOLEAN NOT NULL,
    "is_mms" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "error_code" INTEGER NOT NULL DEFAULT 0,
    "carrier" TEXT NOT NULL DEFAULT '',
    "recipients" INTEGER NOT NULL,

    CONSTRAINT "report_delivery_hours_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_delivery_hours_outcome_check" CHECK ("outcome" IN ('delivered', 'failed', 'unconfirmed', 'pending'))
);

-- CreateTable
CREATE TABLE "report_failures" (
    "message_id" UUID NOT NULL,
    "phone_number" TEXT NOT NULL,
    "conversation_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "our_number" TEXT NOT NULL,
    "error_code" INTEGER NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "report_failures_pkey" PRIMARY KEY ("message_id","phone_number")
);

-- CreateTable
CREATE TABLE "report_waits" (
    "message_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "our_number" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),
    "answer_id" UUID,
    "responder_id" UUID,
    "seconds" INTEGER,
    "closed_unanswered" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "report_waits_pkey" PRIMARY KEY ("message_id")
);

-- CreateTable
CREATE TABLE "report_closes" (
    "activity_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "our_number" TEXT NOT NULL,
    "actor_id" UUID,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,
    "seconds" INTEGER NOT NULL,

    CONSTRAINT "report_closes_pkey" PRIMARY KEY ("activity_id")
);

-- CreateTable
CREATE TABLE "report_rollup_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "refreshed_at" TIMESTAMPTZ(3),
    "full_at" TIMESTAMPTZ(3),
    "last_run_ms" INTEGER,

    CONSTRAINT "report_rollup_state_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_rollup_state_one_row" CHECK ("id" = 1)
);

-- CreateIndex
CREATE INDEX "report_message_hours_hour_idx" ON "report_message_hours"("hour");

-- CreateIndex
CREATE INDEX "report_delivery_hours_hour_idx" ON "report_delivery_hours"("hour");

-- CreateIndex
CREATE INDEX "report_failures_error_code_hour_idx" ON "report_failures"("error_code", "hour");

-- CreateIndex
CREATE INDEX "report_failures_hour_idx" ON "report_failures"("hour");

-- The team report reads waits and closings of a range from these indexes alone (index-only scans).
CREATE INDEX "report_waits_started_at_idx" ON "report_waits"("started_at") INCLUDE ("our_number", "responder_id", "seconds", "closed_unanswered");

-- CreateIndex
CREATE INDEX "report_closes_closed_at_idx" ON "report_closes"("closed_at") INCLUDE ("our_number", "actor_id", "seconds");

-- CreateIndex
CREATE INDEX "report_waits_conversation_id_idx" ON "report_waits"("conversation_id");

-- The rollup finds the closings of its window by kind and time.
CREATE INDEX "conversation_activity_closed_idx" ON "conversation_activity"("created_at") WHERE "kind" = 'closed';
