-- AlterTable
ALTER TABLE "media" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "has_thumbnail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "height" INTEGER,
ADD COLUMN     "last_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "uploaded_by_id" UUID,
ADD COLUMN     "width" INTEGER,
ALTER COLUMN "message_id" DROP NOT NULL,
ALTER COLUMN "position" SET DEFAULT 0;

-- CreateIndex
CREATE INDEX "media_status_last_attempt_at_idx" ON "media"("status", "last_attempt_at");

-- CreateIndex
CREATE INDEX "media_uploaded_by_id_created_at_idx" ON "media"("uploaded_by_id", "created_at");

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Media bytes are already compressed: keep them out of line and uncompressed, so a range request
-- (substring) reads only the pages it needs instead of de-TOASTing the whole file.
ALTER TABLE "media_content" ALTER COLUMN "data" SET STORAGE EXTERNAL;
