import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { messageSegmentCount } from "@/lib/bandwidth/segments";
import type { CallbackDispatcher } from "../callbacks/dispatcher";
import { isBlockedByOptOut } from "../bandwidth/toll-free-opt-out";
import { deliverToOwnNumber } from "../callbacks/own-numbers";
import { scheduleStatusCallbacks, SETTLES_AFTER } from "../callbacks/outbound-events";
import { SECOND, type Clock } from "../clock";
import { badRequest, queueFull, serverError, unsupportedContentType, validationError } from "../http/bandwidth-errors";
import { BodyTooLargeError, mediaType, readBody, type Reply } from "../http/kit";
import type { SendQueue } from "../send-queue";
import type { BandwidthMessage, SandboxState } from "../state";
import { authenticate } from "./auth";
import { mediaUrlAvailable } from "./media";
import { validateMessageRequest } from "./message-request";

export type MessagingDeps = {
  state: SandboxState;
  clock: Clock;
  queue: SendQueue;
  dispatcher: CallbackDispatcher;
  publicUrl: string;
};

const MAX_BODY = 256 * 1024;

/** POST /api/v2/users/{accountId}/messages — the spec's createMessage. */
export async function createMessage(
  deps: MessagingDeps,
  request: IncomingMessage,
  accountId: string,
): Promise<{ reply: Reply; body: unknown }> {
  const auth = authenticate(deps, request, accountId);
  if ("reply" in auth) return { reply: auth.reply, body: undefined };
  const contentType = mediaType(request.headers["content-type"]);
  if (contentType !== "application/json")
    return { reply: unsupportedContentType(request.headers["content-type"] ?? ""), body: undefined };

  let body: unknown;
  try {
    body = JSON.parse((await readBody(request, MAX_BODY)).toString("utf8"));
  } catch (error) {
    const reason =
      error instanceof BodyTooLargeError ? "The request body is too large" : "The request body is not valid JSON";
    return { reply: badRequest(reason), body: undefined };
  }

  const injected = injectedFailure(deps.state);
  if (injected) return { reply: injected, body };

  const validated = validateMessageRequest(body, deps.clock.now());
  if ("fieldErrors" in validated) return { reply: validationError(validated.fieldErrors), body };
  const { request: send } = validated;

  const application = deps.state.applications.get(send.applicationId);
  if (!application || application.accountId !== accountId) {
    return {
      reply: validationError([
        {
          fieldName: "applicationId",
          description: `'${send.applicationId}' is not an application of account ${accountId}`,
        },
      ]),
      body,
    };
  }
  const accountNumbers = [...deps.state.applications.values()]
    .filter((app) => app.accountId === accountId)
    .flatMap((app) => app.numbers);
  if (send.from.startsWith("+") && !accountNumbers.includes(send.from)) {
    return {
      reply: validationError([
        { fieldName: "from", description: `'${send.from}' is not a number on account ${accountId}` },
      ]),
      body,
    };
  }

  const mms = send.to.length > 1 || (send.media?.length ?? 0) > 0;
  const segmentCount = messageSegmentCount(send.text ?? "", { mms });
  const reservation = deps.queue.reserve(accountId, segmentCount);
  if (!reservation.accepted) {
    const { rateSegmentsPerMinute, queueCapacitySegments } = deps.state.config;
    return { reply: queueFull(rateSegmentsPerMinute, queueCapacitySegments, reservation.retryAfterMs / 1000), body };
  }

  const message: BandwidthMessage = {
    id: bandwidthMessageId(deps.clock.now()),
    owner: send.from,
    applicationId: send.applicationId,
    time: new Date(deps.clock.now()).toISOString(),
    segmentCount,
    direction: "out",
    to: send.to,
    from: send.from,
    text: send.text ?? "",
    ...(send.media ? { media: send.media } : {}),
    ...(send.tag !== undefined ? { tag: send.tag } : {}),
    priority: send.priority ?? "default",
    ...(send.expiration ? { expiration: send.expiration } : {}),
  };
  const outcomes = scheduleStatusCallbacks(message, application, reservation.startsAt, {
    clock: deps.clock,
    dispatcher: deps.dispatcher,
    shuffle: deps.state.faults.shuffle,
    mediaMissing: (send.media ?? []).some((url) => !mediaUrlAvailable(deps, accountId, url)),
    optedOut: (recipient) => isBlockedByOptOut(deps.state, send.from, recipient),
  });
  deps.state.rememberMessage({
    accountId,
    message,
    outcomes,
    leavesQueueAt: reservation.startsAt,
    settlesAt: reservation.startsAt + deps.clock.scaled(SETTLES_AFTER),
  });
  // A recipient that is one of the sandbox's own numbers receives the text, when it is delivered.
  for (const recipient of send.to) {
    if (outcomes[recipient] !== "delivered" || !deps.state.applicationForNumber(recipient)) continue;
    const at = reservation.startsAt + deps.clock.scaled(2 * SECOND);
    deliverToOwnNumber(deps, message, recipient, bandwidthMessageId(at), at);
  }
  const hold = deps.state.faults.sendResponseDelayMs;
  if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
  return { reply: { status: 202, body: message }, body };
}

/** Bandwidth-style ids: the time in ms, then 16 base-36 characters (e.g. 1589228074636lm4k2je7j7jklbn2). */
export function bandwidthMessageId(now: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const random = [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join("");
  return `${now}${random}`;
}

function injectedFailure(state: SandboxState): Reply | null {
  const { faults, config } = state;
  const forced = faults.failNextSends.shift();
  const status = forced ?? (Math.random() < faults.send429Rate ? 429 : Math.random() < faults.send5xxRate ? 503 : null);
  if (status === null) return null;
  if (status === 429) return queueFull(config.rateSegmentsPerMinute, config.queueCapacitySegments, 1);
  return serverError(status >= 500 ? status : 500);
}
