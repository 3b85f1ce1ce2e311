-- CreateEnum
CREATE TYPE "ConsentScope" AS ENUM ('account', 'number');

-- CreateEnum
CREATE TYPE "ConsentAction" AS ENUM ('opt_out', 'opt_in');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('keyword', 'carrier', 'agent', 'import');

-- AlterTable
ALTER TABLE "bandwidth_accounts" ADD COLUMN     "consent_scope" "ConsentScope" NOT NULL DEFAULT 'account',
ADD COLUMN     "help_reply" TEXT,
ADD COLUMN     "opt_in_reply" TEXT,
ADD COLUMN     "opt_out_reply" TEXT;

-- CreateTable
CREATE TABLE "consent_events" (
    "id" UUID NOT NULL,
    "phone_number" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "scope" "ConsentScope" NOT NULL,
    "our_number" TEXT,
    "phone_number_id" UUID,
    "action" "ConsentAction" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "reason" TEXT,
    "user_id" UUID,
    "message_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent_opt_outs" (
    "phone_number" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "our_number" TEXT NOT NULL DEFAULT '',
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_opt_outs_pkey" PRIMARY KEY ("phone_number","account_id","our_number")
);

-- CreateIndex
CREATE INDEX "consent_events_phone_number_account_id_created_at_idx" ON "consent_events"("phone_number", "account_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "consent_events_account_id_created_at_idx" ON "consent_events"("account_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "consent_opt_outs_event_id_key" ON "consent_opt_outs"("event_id");

-- CreateIndex
CREATE INDEX "consent_opt_outs_account_id_created_at_idx" ON "consent_opt_outs"("account_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "bandwidth_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_opt_outs" ADD CONSTRAINT "consent_opt_outs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "bandwidth_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_opt_outs" ADD CONSTRAINT "consent_opt_outs_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "consent_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Consent history is evidence (CTIA, TCPA): rows are added, never changed or removed.
CREATE FUNCTION consent_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_events is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER consent_events_append_only
BEFORE UPDATE OR DELETE ON "consent_events"
FOR EACH ROW EXECUTE FUNCTION consent_events_append_only();
