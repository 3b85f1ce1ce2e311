-- Issue 18: exports. Each export an admin starts (a conversation's JSON, messages of a date range as
-- CSV or NDJSON) is a row: who asked for what, and its progress, which the page polls. Progress lives
-- here, not in an instance's memory, so it reads the same behind a load balancer.

-- CreateEnum
CREATE TYPE "ExportKind" AS ENUM ('conversation_json', 'messages_csv', 'messages_ndjson');

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('ready', 'running', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "data_exports" (
    "id" UUID NOT NULL,
    "requested_by" UUID,
    "kind" "ExportKind" NOT NULL,
    "params" JSONB NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'ready',
    "total" INTEGER NOT NULL DEFAULT 0,
    "rows_done" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "progress_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "data_exports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "data_exports_created_at_idx" ON "data_exports"("created_at" DESC);

-- CreateIndex
CREATE INDEX "data_exports_requested_by_idx" ON "data_exports"("requested_by");

-- AddForeignKey
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
