import "server-only";
import type { ConfigSource } from "@/lib/generated/prisma/enums";
import { HttpError } from "@/lib/http";

/**
 * Rules shared by the Bandwidth configuration admins manage (accounts, applications, numbers):
 * every change is audited in its own transaction, and what the BANDWIDTH_* environment set is
 * re-applied on every start, so it is read-only in the console.
 */

export const conflict = (message: string) => new HttpError(409, "conflict", message);
export const unprocessable = (message: string) => new HttpError(422, "unprocessable", message);
export const notFound = (what: string) => new HttpError(404, "not_found", `No ${what} with that id.`);

export function refuseEnvironment(source: ConfigSource, what: string) {
  if (source === "ENVIRONMENT") throw conflict(`This ${what} is set by the BANDWIDTH_* environment variables and re-applied on every start: change it there.`);
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}
