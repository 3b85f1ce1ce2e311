import { explainError, retryCanHelp } from "@/lib/bandwidth/error-explanations";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

/**
 * Whether a recipient's failure may be sent again: it failed with an error Bandwidth's catalogue
 * says a retry can help with. Not for an unconfirmed delivery (the customer may well have it). Pure:
 * the retry use case and the thread's "Retry" button share it.
 */
export function mayRetryRecipient(recipient: { status: DeliveryStatus; errorCode: number | null }): boolean {
  return recipient.status === "failed" && retryCanHelp(explainError(recipient.errorCode));
}
