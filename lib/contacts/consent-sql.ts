import "server-only";
import type { Sql } from "@/lib/db-pool";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs one SQL statement and returns its rows: consent is written and read both by the webhook
 * (plain pg, inside its transaction) and by Prisma use cases, with the same statements.
 */
export type RunSql = <Row>(text: string, values: unknown[]) => Promise<Row[]>;

export function pgRunner(sql: Sql): RunSql {
  return async <Row>(text: string, values: unknown[]) => (await sql.query(text, values)).rows as Row[];
}

export function prismaRunner(tx: Prisma.TransactionClient): RunSql {
  return <Row>(text: string, values: unknown[]) => tx.$queryRawUnsafe<Row[]>(text, ...values);
}

/** Our number → its Bandwidth account (uuid), as a scalar subquery on parameter `param`. */
export const accountOfNumberSql = (param: string) =>
  `(SELECT a.account_id FROM phone_numbers p JOIN bandwidth_applications a ON a.id = p.application_id WHERE p.e164 = ${param})`;
