import { StatusIcon } from "@/components/inbox/status-icon";
import type { Message } from "@/lib/client/types";
import { partialDeliveryLabel, tallyRecipients } from "@/lib/messaging/delivery-status";

/** An outbound message's status glyph; a partly delivered group message says so in words. */
export function MessageStatus({ message }: { message: Message }) {
  const partial = partialDeliveryLabel(tallyRecipients(message.recipients));
  return (
    <>
      <StatusIcon status={message.status} partial={partial} />
      {partial ? (
        <span data-partial-delivery className="font-medium text-amber-800 dark:text-amber-300">
          {partial}
        </span>
      ) : null}
    </>
  );
}
