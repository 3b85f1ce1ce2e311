-- Bandwidth accounts carry a credential kind: OAuth 2.0 client credentials (the default from now
-- on) or a legacy API user. Accounts stored before this were all legacy API users.
CREATE TYPE "BandwidthCredentialKind" AS ENUM ('OAUTH', 'LEGACY');

ALTER TABLE "bandwidth_accounts"
  ADD COLUMN "credential_kind" "BandwidthCredentialKind" NOT NULL DEFAULT 'LEGACY',
  ADD COLUMN "token_url" TEXT;

ALTER TABLE "bandwidth_accounts" ALTER COLUMN "credential_kind" SET DEFAULT 'OAUTH';
