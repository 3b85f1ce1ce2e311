import "server-only";
import type { ConfigSource } from "@/lib/generated/prisma/enums";
import { conflict } from "@/lib/errors";

/**
 * Rules shared by the Bandwidth configuration admins manage (accounts, applications, numbers):
 * every change is audited in its own transaction, and what the BANDWIDTH_* environment set is
 * re-applied on every start, so it is read-only in the console.
 */

export function refuseEnvironment(source: ConfigSource, what: string) {
  if (source === "ENVIRONMENT")
    throw conflict(
      `This ${what} is set by the BANDWIDTH_* environment variables and re-applied on every start: change it there.`,
    );
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}
