import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditQuery } from "@/lib/validations/admin";
import type { AuditTargetType } from "@/lib/validations/common";

type Tx = Prisma.TransactionClient;

const SECRET_KEY = /pass(word)?|secret|token|hash|authorization/i;

/** Details with every secret-looking field replaced, however deep: an audit entry never holds one. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redactSecrets(inner)]),
    );
  }
  return value;
}

/** Records one change, in the transaction that makes it (so there is no change without its entry). */
export async function recordAudit(
  tx: Tx,
  actorId: string | null,
  action: string,
  target: { type: AuditTargetType; id: string | null },
  details: object = {},
) {
  await tx.auditLog.create({
    data: {
      actorId,
      action,
      targetType: target.type,
      targetId: target.id,
      details: redactSecrets(details) as Prisma.InputJsonValue,
    },
  });
}

/** The log, newest first, filterable by action, kind of target and who did it; paged by id. Kept. */
export async function listAudit(database: Db, query: AuditQuery) {
  const rows = await database.auditLog.findMany({
    where: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.targetType ? { targetType: query.targetType } : {}),
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.before ? { id: { lt: BigInt(query.before) } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((row) => ({
      id: Number(row.id),
      at: row.createdAt,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      details: row.details,
      actor: row.actor,
    })),
    nextBefore: rows.length > query.limit ? Number(page[page.length - 1]!.id) : null,
  };
}
