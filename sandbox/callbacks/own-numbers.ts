import { messageSegmentCount } from "@/lib/bandwidth/segments";
import type { CallbackDispatcher } from "./dispatcher";
import { credentialsOf } from "./outbound-events";
import type { BandwidthMessage, SandboxState } from "../state";

/**
 * A text one of the sandbox's numbers sends to another of its numbers (a group text with two of
 * the customer's own lines on it) reaches that number as Bandwidth delivers it: a
 * `message-received` for it, from the sender, to everyone on the text, with its media.
 */
export function deliverToOwnNumber(
  deps: { state: SandboxState; dispatcher: CallbackDispatcher },
  sent: BandwidthMessage,
  owner: string,
  id: string,
  at: number,
): void {
  const application = deps.state.applicationForNumber(owner);
  if (!application) return;
  const message: BandwidthMessage = {
    id,
    owner,
    applicationId: application.applicationId,
    time: new Date(at).toISOString(),
    segmentCount: messageSegmentCount(sent.text ?? "", { mms: sent.to.length > 1 || (sent.media?.length ?? 0) > 0 }),
    direction: "in",
    to: sent.to,
    from: sent.from,
    text: sent.text ?? "",
    ...(sent.media?.length ? { media: sent.media } : {}),
  };
  deps.state.rememberMessage({ accountId: application.accountId, message, outcomes: {} });
  if (!application.inboundCallbackUrl) return;
  const event = {
    time: message.time,
    type: "message-received",
    to: owner,
    description: "Incoming message received",
    message,
  };
  deps.dispatcher.dispatch(application.inboundCallbackUrl, credentialsOf(application), [event], at);
}
