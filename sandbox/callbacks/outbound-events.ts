import { carrierOf } from "../bandwidth/carriers";
import { mediaUnavailable, outcomeFor } from "../bandwidth/outcomes";
import { OPT_OUT_ERROR } from "../bandwidth/toll-free-opt-out";
import { SECOND, type Clock } from "../clock";
import type { Application, BandwidthMessage } from "../state";
import type { CallbackDispatcher, CallbackEvent } from "./dispatcher";

// When each event happens after the message leaves the queue (Bandwidth time).
const OFFSETS = { "message-sending": 0, "message-sent": 0.5 * SECOND, final: 2 * SECOND } as const;

/** When a recipient's final status happens after the message leaves the queue (Bandwidth time). */
export const SETTLES_AFTER = OFFSETS.final;

type Step = {
  type: "message-sending" | "message-sent" | "message-delivered" | "message-failed";
  offset: number;
  errorCode?: number;
  description: string;
};

/**
 * Schedules the status callbacks of an accepted message: for each recipient `message-sending`
 * (MMS only), `message-sent`, then exactly one of `message-delivered` or `message-failed`, as
 * the recipient's test number decides (or 4410 for all when its media could not be fetched).
 * Returns each recipient's outcome.
 */
export function scheduleStatusCallbacks(
  message: BandwidthMessage,
  application: Application,
  startsAt: number,
  deps: {
    clock: Clock;
    dispatcher: CallbackDispatcher;
    shuffle: boolean;
    mediaMissing?: boolean;
    /** Recipients who opted out of this (toll-free) number: they fail with 4775. */
    optedOut?: (recipient: string) => boolean;
  },
): Record<string, string> {
  const mms = message.to.length > 1 || (message.media?.length ?? 0) > 0;
  const outcomes: Record<string, string> = {};
  for (const recipient of message.to) {
    const outcome = deps.optedOut?.(recipient)
      ? ({ delivered: false, ...OPT_OUT_ERROR } as const)
      : deps.mediaMissing
        ? mediaUnavailable()
        : outcomeFor(recipient);
    outcomes[recipient] = outcome.delivered ? "delivered" : `failed ${outcome.code}`;
    const steps: Step[] = [
      ...(mms
        ? [
            {
              type: "message-sending",
              offset: OFFSETS["message-sending"],
              description: "Message is sending to carrier",
            } as const,
          ]
        : []),
      { type: "message-sent", offset: OFFSETS["message-sent"], description: "Message sent to carrier" },
      outcome.delivered
        ? { type: "message-delivered", offset: OFFSETS.final, description: "Message delivered to handset." }
        : { type: "message-failed", offset: OFFSETS.final, errorCode: outcome.code, description: outcome.description },
    ];
    const offsets = deps.shuffle ? shuffled(steps.map((step) => step.offset)) : steps.map((step) => step.offset);
    if (!application.statusCallbackUrl) continue;
    const credentials = credentialsOf(application);
    steps.forEach((step, index) => {
      const at = startsAt + deps.clock.scaled(offsets[index] ?? step.offset);
      deps.dispatcher.dispatch(
        application.statusCallbackUrl ?? "",
        credentials,
        [statusEvent(message, recipient, step, at)],
        at,
      );
    });
  }
  return outcomes;
}

function statusEvent(message: BandwidthMessage, recipient: string, step: Step, at: number): CallbackEvent {
  return {
    time: new Date(at).toISOString(),
    type: step.type,
    to: recipient,
    description: step.description,
    ...(step.errorCode !== undefined ? { errorCode: step.errorCode } : {}),
    // Bandwidth names the recipient's carrier on the final status.
    ...(step.type === "message-delivered" || step.type === "message-failed"
      ? { carrierName: carrierOf(recipient) }
      : {}),
    message: {
      id: message.id,
      owner: message.owner,
      applicationId: message.applicationId,
      time: message.time,
      segmentCount: message.segmentCount,
      direction: "out",
      to: message.to,
      from: message.from,
      // Status callbacks carry no text (Bandwidth does not echo it back).
      text: "",
      ...(message.media?.length ? { media: message.media } : {}),
      ...(message.tag !== undefined ? { tag: message.tag } : {}),
      ...(message.priority ? { priority: message.priority } : {}),
    },
  };
}

export function credentialsOf(application: Application) {
  return application.callbackUsername && application.callbackPassword
    ? { username: application.callbackUsername, password: application.callbackPassword }
    : null;
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
