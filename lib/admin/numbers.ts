import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { normalisePhoneNumber } from "@/lib/bandwidth/phone-number";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import type { Db } from "@/lib/db";
import type { NumberCreate, NumberUpdate } from "@/lib/validations/admin";
import { recordAudit } from "./audit";
import { conflict, notFound, unprocessable } from "@/lib/errors";
import { isUniqueViolation, refuseEnvironment } from "./config-rules";

/** Our numbers: the application every send from one uses, a label, and who may send from it. */

const numberSelect = {
  id: true,
  e164: true,
  label: true,
  tollFree: true,
  allowAllAgents: true,
  source: true,
  createdAt: true,
  application: { select: { id: true, applicationId: true, name: true } },
  agents: { select: { user: { select: { id: true, name: true, email: true } } } },
} as const;

export async function listNumbers(database: Db) {
  const rows = await database.phoneNumber.findMany({ orderBy: { e164: "asc" }, select: numberSelect });
  return rows.map(({ agents, ...number }) => ({ ...number, agents: agents.map((agent) => agent.user) }));
}

async function checkAgents(tx: Pick<Db, "user">, agentIds: string[]) {
  if (agentIds.length === 0) return;
  const found = await tx.user.count({ where: { id: { in: agentIds } } });
  if (found !== new Set(agentIds).size) throw unprocessable("agentIds: one of them is not a user.");
}

export async function createNumber(database: Db, actor: CurrentUser, input: NumberCreate) {
  const normalised = normalisePhoneNumber(input.e164);
  if (!normalised || normalised.e164 !== input.e164)
    throw unprocessable(`e164: ${input.e164} is not a possible phone number.`);
  try {
    return await database.$transaction(async (tx) => {
      const application = await tx.bandwidthApplication.findUnique({
        where: { id: input.applicationId },
        select: { id: true, applicationId: true },
      });
      if (!application) throw unprocessable("applicationId: no such application.");
      await checkAgents(tx, input.agentIds);
      const number = await tx.phoneNumber.create({
        data: {
          e164: input.e164,
          label: input.label || null,
          applicationId: application.id,
          tollFree: isTollFreeNumber(input.e164),
          allowAllAgents: input.allowAllAgents,
          agents: { create: [...new Set(input.agentIds)].map((userId) => ({ userId })) },
        },
        select: numberSelect,
      });
      await recordAudit(
        tx,
        actor.id,
        "number.create",
        { type: "number", id: number.id },
        {
          e164: number.e164,
          label: number.label,
          application: application.applicationId,
          tollFree: number.tollFree,
          allowAllAgents: number.allowAllAgents,
          agentIds: input.agentIds,
        },
      );
      return { ...number, agents: number.agents.map((agent) => agent.user) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`${input.e164} is already one of our numbers.`);
    throw error;
  }
}

export async function updateNumber(database: Db, actor: CurrentUser, id: string, input: NumberUpdate) {
  return database.$transaction(async (tx) => {
    const current = await tx.phoneNumber.findUnique({ where: { id }, include: { agents: true } });
    if (!current) throw notFound("No number with that id.");
    if (
      current.source === "ENVIRONMENT" &&
      input.applicationId !== undefined &&
      input.applicationId !== current.applicationId
    ) {
      refuseEnvironment(current.source, "number's application");
    }
    if (
      input.applicationId &&
      !(await tx.bandwidthApplication.findUnique({ where: { id: input.applicationId }, select: { id: true } }))
    ) {
      throw unprocessable("applicationId: no such application.");
    }
    if (input.agentIds) {
      await checkAgents(tx, input.agentIds);
      await tx.phoneNumberAgent.deleteMany({ where: { phoneNumberId: id } });
      await tx.phoneNumberAgent.createMany({
        data: [...new Set(input.agentIds)].map((userId) => ({ phoneNumberId: id, userId })),
      });
    }
    const number = await tx.phoneNumber.update({
      where: { id },
      data: {
        ...(input.label !== undefined ? { label: input.label || null } : {}),
        ...(input.applicationId !== undefined ? { applicationId: input.applicationId } : {}),
        ...(input.allowAllAgents !== undefined ? { allowAllAgents: input.allowAllAgents } : {}),
      },
      select: numberSelect,
    });
    await recordAudit(tx, actor.id, "number.update", { type: "number", id }, { e164: current.e164, ...input });
    return { ...number, agents: number.agents.map((agent) => agent.user) };
  });
}

export async function deleteNumber(database: Db, actor: CurrentUser, id: string) {
  await database.$transaction(async (tx) => {
    const current = await tx.phoneNumber.findUnique({ where: { id } });
    if (!current) throw notFound("No number with that id.");
    refuseEnvironment(current.source, "number");
    await tx.phoneNumber.delete({ where: { id } });
    await recordAudit(tx, actor.id, "number.delete", { type: "number", id }, { e164: current.e164 });
  });
}
