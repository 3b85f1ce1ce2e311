import "server-only";
import type { BandwidthAccess } from "@/lib/bandwidth/credentials";
import { deleteMediaFromBandwidth, uploadMediaToBandwidth } from "@/lib/bandwidth/messaging-client";
import { storeFor } from "@/lib/media/storage";
import { backoff, failForRejectedCredentials, failMessage, retryLater, type SendJobResult } from "./settle-message";
import type { SendDeps } from "./send-deps";

type Attachment = {
  id: string;
  fileName: string;
  contentType: string | null;
  sourceUrl: string | null;
  storageKey: string | null;
};

/** Bandwidth's name for an attachment: ours, unique, ending in the file name the recipient sees. */
export function bandwidthMediaName(attachment: { id: string; fileName: string }): string {
  return `${attachment.id}-${attachment.fileName.replace(/[^A-Za-z0-9._-]+/g, "_")}`;
}

/**
 * Puts every attachment on Bandwidth's media store before the message goes out (an attachment
 * already uploaded keeps its URL). If one is refused, the message fails with the reason and the
 * ones uploaded are removed again: nothing is sent with part of its media.
 */
export async function uploadAttachments(
  deps: SendDeps,
  access: BandwidthAccess,
  message: { id: string; sendAttempts: number; account: { id: string; accountId: string } },
  media: Attachment[],
): Promise<{ kind: "ready"; urls: string[] } | { kind: "stopped"; result: SendJobResult }> {
  const urls: string[] = [];
  const uploadedNow: string[] = [];
  for (const attachment of media) {
    if (attachment.sourceUrl) {
      urls.push(attachment.sourceUrl);
      continue;
    }
    const data = await storeFor(attachment, deps.storage.s3).read(deps.pool, attachment, "original");
    if (!data || !attachment.contentType) {
      await deleteMediaFromBandwidth(access, uploadedNow, deps.settings.requestTimeoutMs);
      return {
        kind: "stopped",
        result: await failMessage(
          deps.database,
          message.id,
          `The attachment ${attachment.fileName} is missing from storage, so the message was not sent.`,
        ),
      };
    }
    const mediaName = bandwidthMediaName(attachment);
    const outcome = await uploadMediaToBandwidth(
      access,
      { mediaName, contentType: attachment.contentType, data },
      deps.settings.requestTimeoutMs,
    );
    if (outcome.kind === "uploaded") {
      uploadedNow.push(mediaName);
      urls.push(outcome.url);
      await deps.database.media.update({ where: { id: attachment.id }, data: { sourceUrl: outcome.url } });
      continue;
    }
    const attempts = message.sendAttempts + 1;
    const reason = outcome.detail;
    const transient = outcome.kind === "retryable" || outcome.kind === "rate-limited";
    if (transient && attempts < deps.settings.maxRetries) {
      // Files already uploaded keep their URLs; the next attempt uploads the rest.
      await deps.database.message.update({ where: { id: message.id }, data: { sendAttempts: attempts } });
      const delay =
        outcome.kind === "rate-limited" && outcome.retryAfterMs !== null ? outcome.retryAfterMs : backoff(attempts);
      return {
        kind: "stopped",
        result: await retryLater(
          deps,
          message.id,
          delay,
          `Uploading ${attachment.fileName} to Bandwidth failed (${reason}); trying again shortly.`,
        ),
      };
    }
    // Everything of this message on Bandwidth's store goes: uploaded now or on an earlier attempt.
    const earlier = media.filter((item) => item.sourceUrl).map(bandwidthMediaName);
    await deleteMediaFromBandwidth(access, [...earlier, ...uploadedNow], deps.settings.requestTimeoutMs);
    await deps.database.media.updateMany({ where: { messageId: message.id }, data: { sourceUrl: null } });
    if (outcome.kind === "unauthorized") {
      const result = await failForRejectedCredentials(deps.database, message.id, message.account, reason);
      return { kind: "stopped", result };
    }
    return {
      kind: "stopped",
      result: await failMessage(
        deps.database,
        message.id,
        `Bandwidth did not take the attachment ${attachment.fileName}: ${reason}. The message was not sent.`,
      ),
    };
  }
  return { kind: "ready", urls };
}
