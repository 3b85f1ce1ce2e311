import type { IncomingMessage } from "node:http";
import { HOUR, type Clock } from "../clock";
import { badRequest, notFound, unsupportedContentType } from "../http/bandwidth-errors";
import { BodyTooLargeError, mediaType, readBody, type Reply } from "../http/kit";
import type { SandboxState, StoredMedia } from "../state";
import { authenticate } from "./auth";

export type MediaDeps = { state: SandboxState; clock: Clock; publicUrl: string };

const MAX_MEDIA_ID = 512;

/** PUT …/media/{mediaId}: stores the body under the name; the same name overwrites. */
export async function uploadMedia(
  deps: MediaDeps,
  request: IncomingMessage,
  accountId: string,
  mediaId: string,
): Promise<{ reply: Reply; body: unknown }> {
  const auth = authenticate(deps, request, accountId);
  if ("reply" in auth) return { reply: auth.reply, body: undefined };
  if (!validMediaId(mediaId))
    return { reply: badRequest(`'${mediaId.slice(0, 80)}' is not a valid media name`), body: undefined };
  const contentType = mediaType(request.headers["content-type"]);
  if (!deps.state.config.mediaContentTypes.includes(contentType)) {
    return {
      reply: unsupportedContentType(request.headers["content-type"] ?? "", "a supported media type"),
      body: undefined,
    };
  }
  let data: Buffer;
  try {
    data = await readBody(request, deps.state.config.mediaMaxBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return {
      reply: badRequest(`Media files must be at most ${deps.state.config.mediaMaxBytes} bytes`),
      body: { contentType },
    };
  }
  if (data.length === 0) return { reply: badRequest("The media file is empty"), body: { contentType, bytes: 0 } };
  storeMedia(deps, accountId, mediaId, contentType, data);
  return { reply: { status: 204 }, body: { contentType, bytes: data.length } };
}

export function storeMedia(
  deps: MediaDeps,
  accountId: string,
  mediaId: string,
  contentType: string,
  data: Buffer,
): StoredMedia {
  const now = deps.clock.now();
  const stored = {
    accountId,
    mediaId,
    contentType,
    data,
    uploadedAt: now,
    expiresAt: now + deps.clock.scaled(deps.state.config.mediaRetentionHours * HOUR),
  };
  deps.state.media.set(deps.state.mediaKey(accountId, mediaId), stored);
  return stored;
}

export function getMedia(deps: MediaDeps, request: IncomingMessage, accountId: string, mediaId: string): Reply {
  const auth = authenticate(deps, request, accountId);
  if ("reply" in auth) return auth.reply;
  const stored = liveMedia(deps, accountId, mediaId);
  if (!stored)
    return notFound(
      `Media '${mediaId}' was not found (media is kept for ${deps.state.config.mediaRetentionHours} hours)`,
    );
  return { status: 200, body: stored.data, headers: { "content-type": stored.contentType } };
}

export function deleteMedia(deps: MediaDeps, request: IncomingMessage, accountId: string, mediaId: string): Reply {
  const auth = authenticate(deps, request, accountId);
  if ("reply" in auth) return auth.reply;
  if (!liveMedia(deps, accountId, mediaId)) return notFound(`Media '${mediaId}' was not found`);
  deps.state.media.delete(deps.state.mediaKey(accountId, mediaId));
  return { status: 204 };
}

/** GET …/media: a page of the account's media; `Continuation-Token` carries on where it stopped. */
export function listMedia(deps: MediaDeps, request: IncomingMessage, accountId: string): Reply {
  const auth = authenticate(deps, request, accountId);
  if ("reply" in auth) return auth.reply;
  const token = request.headers["continuation-token"];
  const after = typeof token === "string" && token ? Buffer.from(token, "base64url").toString("utf8") : "";
  const names = [...deps.state.media.values()]
    .filter((media) => media.accountId === accountId && liveMedia(deps, accountId, media.mediaId))
    .map((media) => media.mediaId)
    .sort()
    .filter((name) => name > after);
  const page = names.slice(0, deps.state.config.mediaListPageSize);
  const last = page[page.length - 1];
  const more = names.length > page.length && last !== undefined;
  return {
    status: 200,
    headers: more ? { "continuation-token": Buffer.from(last).toString("base64url") } : {},
    body: page.map((name) => {
      const media = deps.state.media.get(deps.state.mediaKey(accountId, name));
      return {
        content: mediaUrl(deps.publicUrl, accountId, name),
        contentLength: media?.data.length ?? 0,
        mediaName: name,
      };
    }),
  };
}

export function mediaUrl(publicUrl: string, accountId: string, mediaId: string): string {
  return `${publicUrl}/api/v2/users/${accountId}/media/${mediaId.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * Whether Bandwidth could fetch a send's media URL: one on this sandbox's media store must be there
 * (uploaded, not expired); another host's is taken on trust (the sandbox reaches no other server).
 */
export function mediaUrlAvailable(deps: MediaDeps, accountId: string, url: string): boolean {
  const prefix = `${deps.publicUrl}/api/v2/users/${accountId}/media/`;
  if (!url.startsWith(prefix)) return true;
  const mediaId = url
    .slice(prefix.length)
    .split("/")
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    })
    .join("/");
  return liveMedia(deps, accountId, mediaId) !== undefined;
}

function liveMedia(deps: MediaDeps, accountId: string, mediaId: string): StoredMedia | undefined {
  const key = deps.state.mediaKey(accountId, mediaId);
  const stored = deps.state.media.get(key);
  if (stored && stored.expiresAt <= deps.clock.now()) {
    deps.state.media.delete(key); // Bandwidth keeps media 48 hours
    return undefined;
  }
  return stored;
}

function validMediaId(mediaId: string): boolean {
  return (
    mediaId.length > 0 &&
    mediaId.length <= MAX_MEDIA_ID &&
    !mediaId.split("/").some((part) => part === "" || part === "." || part === "..")
  );
}
