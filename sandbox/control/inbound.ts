import { z } from "zod";
import type { MessagingDeps } from "../api/messages";
import { bandwidthMessageId } from "../api/messages";
import { mediaUrl, storeMedia } from "../api/media";
import { E164 } from "@/lib/bandwidth/number-rules";
import { messageSegmentCount } from "@/lib/bandwidth/segments";
import { credentialsOf } from "../callbacks/outbound-events";
import { applyTollFreeKeyword } from "../bandwidth/toll-free-opt-out";
import type { BandwidthMessage } from "../state";

export const inboundSchema = z
  .object({
    from: z.string().regex(E164, "'from' must be an E.164 number"),
    to: z.array(z.string().regex(E164, "every 'to' must be an E.164 number")).min(1).max(10),
    text: z.string().max(2048).default(""),
    media: z
      .array(
        z.object({
          filename: z
            .string()
            .min(1)
            .max(200)
            .regex(/^[^/\\]+$/, "a file name, without folders"),
          contentType: z.string().min(3).max(100),
          base64: z.string().min(1),
        }),
      )
      .max(10)
      .default([]),
  })
  .refine((input) => input.text.length > 0 || input.media.length > 0, {
    message: "a message needs text or media",
    path: ["text"],
  });

export type InboundInput = z.infer<typeof inboundSchema>;

/**
 * A customer texts in: one `message-received` event per of our numbers among `to`, each with a
 * fresh message id and its own copy of the media at the sandbox's media URLs — as Bandwidth does
 * for a group MMS that reaches several of our numbers.
 */
export function simulateInbound(deps: MessagingDeps, input: InboundInput): BandwidthMessage[] | { error: string } {
  const ours = [...new Set(input.to)].filter((number) => deps.state.applicationForNumber(number));
  if (ours.length === 0) return { error: "none of the 'to' numbers belongs to a sandbox application" };
  const mms = input.to.length > 1 || input.media.length > 0;
  const now = deps.clock.now();
  return ours.map((owner) => {
    const application = deps.state.applicationForNumber(owner);
    if (!application) throw new Error("unreachable");
    const id = bandwidthMessageId(now);
    const media = input.media.map((file, index) => {
      const mediaId = `${id}/${index}/${file.filename}`;
      storeMedia({ ...deps }, application.accountId, mediaId, file.contentType, Buffer.from(file.base64, "base64"));
      return mediaUrl(deps.publicUrl, application.accountId, mediaId);
    });
    const message: BandwidthMessage = {
      id,
      owner,
      applicationId: application.applicationId,
      time: new Date(now).toISOString(),
      segmentCount: messageSegmentCount(input.text, { mms }),
      direction: "in",
      to: input.to,
      from: input.from,
      text: input.text,
      ...(media.length ? { media } : {}),
    };
    deps.state.rememberMessage({ accountId: application.accountId, message, outcomes: {} });
    applyTollFreeKeyword(deps.state, {
      accountId: application.accountId,
      applicationId: application.applicationId,
      owner,
      from: input.from,
      text: input.text,
      now,
      id: bandwidthMessageId(now),
    });
    if (application.inboundCallbackUrl) {
      const event = {
        time: new Date(now).toISOString(),
        type: "message-received",
        to: owner,
        description: "Incoming message received",
        message,
      };
      deps.dispatcher.dispatch(application.inboundCallbackUrl, credentialsOf(application), [event], now);
    }
    return message;
  });
}
