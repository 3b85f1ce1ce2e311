import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

// Outbound progress; `delivered` and `failed` are both final and share the top rank.
const RANK: Record<DeliveryStatus, number> = {
  queued: 0,
  unconfirmed: 0,
  accepted: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  failed: 4,
  received: 4,
};

export function isFinal(status: DeliveryStatus): boolean {
  return status === "delivered" || status === "failed";
}

/**
 * An outbound message's one-word status from its recipients': `failed` as soon as any recipient
 * failed (the agent must see it), otherwise the least advanced recipient's status.
 */
export function summariseStatus(recipients: ReadonlyArray<{ status: DeliveryStatus }>): DeliveryStatus {
  if (recipients.length === 0) return "queued";
  if (recipients.some((recipient) => recipient.status === "failed")) return "failed";
  return recipients.reduce<DeliveryStatus>(
    (least, recipient) => (RANK[recipient.status] < RANK[least] ? recipient.status : least),
    "delivered",
  );
}

/** How many recipients of an outbound message got it and how many it failed for. */
export type DeliveryTally = { total: number; delivered: number; failed: number };

export function tallyRecipients(recipients: ReadonlyArray<{ status: DeliveryStatus }>): DeliveryTally {
  return {
    total: recipients.length,
    delivered: recipients.filter((recipient) => recipient.status === "delivered").length,
    failed: recipients.filter((recipient) => recipient.status === "failed" || recipient.status === "unconfirmed")
      .length,
  };
}

/**
 * "Delivered to 2 of 3" when a group message reached some recipients and failed for others: not a
 * plain "Failed" (most of the group has it). Null when it is not a partial delivery.
 */
export function partialDeliveryLabel(tally: DeliveryTally): string | null {
  if (tally.total < 2 || tally.delivered === 0 || tally.failed === 0) return null;
  return `Delivered to ${tally.delivered} of ${tally.total}`;
}
