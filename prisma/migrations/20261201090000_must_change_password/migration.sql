-- A user given a one-time password by an admin must choose their own at first sign-in; until
-- then every page leads to the change-password page and the API answers 403.
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
