import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { isFinal } from "./delivery-status";

const RANK: Partial<Record<DeliveryStatus, number>> = {
  unconfirmed: 0,
  queued: 0,
  accepted: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  failed: 4,
};

export type Transition = { change: true } | { change: false; outcome: "superseded" | "conflict"; reason: string };

/**
 * Whether a recipient's status may move from `current` to `incoming`. Statuses only move forward
 * (queued < accepted < sending < sent < delivered | failed); the first final status wins, and a
 * different final one after it is a conflict to log, not to apply.
 */
export function transition(current: DeliveryStatus, incoming: DeliveryStatus): Transition {
  if (isFinal(current)) {
    if (isFinal(incoming) && incoming !== current) {
      return {
        change: false,
        outcome: "conflict",
        reason: `${incoming} after ${current}: the first final status stands`,
      };
    }
    return { change: false, outcome: "superseded", reason: `${incoming} arrived after ${current}` };
  }
  if ((RANK[incoming] ?? 0) > (RANK[current] ?? 0)) return { change: true };
  return { change: false, outcome: "superseded", reason: `${incoming} arrived after ${current}` };
}

const FROM_TYPE: Record<string, DeliveryStatus> = {
  "message-sending": "sending",
  "message-sent": "sent",
  "message-delivered": "delivered",
  "message-failed": "failed",
};

export function statusOfEvent(type: string): DeliveryStatus {
  const status = FROM_TYPE[type];
  if (!status) throw new Error(`not a status event: ${type}`);
  return status;
}
