import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deleteMedia, getMedia, listMedia, uploadMedia } from "./api/media";
import { caller } from "./api/auth";
import { listMessages } from "./api/list-messages";
import { createMessage } from "./api/messages";
import { CallbackDispatcher } from "./callbacks/dispatcher";
import { Clock } from "./clock";
import type { SandboxConfig } from "./config";
import { phonePage } from "./control/phone-page";
import { handleControl } from "./control/routes";
import { send, type Reply } from "./http/kit";
import { methodNotAllowed, serverError, unknownPath } from "./http/bandwidth-errors";
import { issueToken } from "./oauth/token-endpoint";
import { SendQueue } from "./send-queue";
import { SandboxState } from "./state";

export type Sandbox = {
  state: SandboxState;
  dispatcher: CallbackDispatcher;
  clock: Clock;
  /** Starts listening; resolves with the base URL (e.g. http://127.0.0.1:3010). */
  listen(): Promise<string>;
  close(): Promise<void>;
};

/** Bandwidth serves it at api.bandwidth.com; the sandbox serves every host's paths from one origin. */
const TOKEN = "/api/v1/oauth2/token";
const MESSAGES = /^\/api\/v2\/users\/([^/]+)\/messages$/;
const MEDIA_LIST = /^\/api\/v2\/users\/([^/]+)\/media$/;
const MEDIA = /^\/api\/v2\/users\/([^/]+)\/media\/(.+)$/;

/** A local stand-in for Bandwidth's Messaging v2 API, its callbacks and its dashboard. */
export function createSandbox(config: SandboxConfig): Sandbox {
  const state = new SandboxState(config);
  const clock = new Clock(config.timeScale, config.minimumTimeoutMs);
  const dispatcher = new CallbackDispatcher(clock, () => state.faults);
  const queue = new SendQueue(clock, config.rateSegmentsPerMinute, config.queueCapacitySegments);
  let publicUrl = config.publicUrl ?? "";
  const deps = () => ({ state, clock, queue, dispatcher, publicUrl });

  async function route(request: IncomingMessage, path: string, query: URLSearchParams): Promise<Routed> {
    const method = request.method ?? "GET";
    if (path === TOKEN) {
      if (method !== "POST") return { reply: methodNotAllowed(method), api: true };
      return { ...(await issueToken(deps(), request)), api: true };
    }
    const messages = MESSAGES.exec(path);
    const mediaList = MEDIA_LIST.exec(path);
    const media = MEDIA.exec(path);
    if (messages?.[1]) {
      if (method === "GET") return { reply: listMessages(deps(), request, messages[1], query), api: true };
      if (method !== "POST") return { reply: methodNotAllowed(method), api: true };
      return { ...(await createMessage(deps(), request, messages[1])), api: true };
    }
    if (mediaList?.[1]) {
      if (method !== "GET") return { reply: methodNotAllowed(method), api: true };
      return { reply: listMedia(deps(), request, mediaList[1]), api: true };
    }
    if (media?.[1] && media[2]) {
      const mediaId = safeDecode(media[2]);
      if (method === "PUT") return { ...(await uploadMedia(deps(), request, media[1], mediaId)), api: true };
      if (method === "GET") return { reply: getMedia(deps(), request, media[1], mediaId), api: true };
      if (method === "DELETE") return { reply: deleteMedia(deps(), request, media[1], mediaId), api: true };
      return { reply: methodNotAllowed(method), api: true };
    }
    if (method === "GET" && (path === "/sandbox" || path === "/sandbox/" || path === "/")) {
      return {
        reply: { status: 200, body: phonePage(state), headers: { "content-type": "text/html; charset=utf-8" } },
        api: false,
      };
    }
    const control = path.startsWith("/sandbox/") ? await handleControl(deps(), request, path, query) : null;
    return { reply: control ?? unknownPath(path), api: path.startsWith("/api/") };
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://sandbox.local");
    // Before routing: a token that expires or is revoked while the request runs still names its client.
    const who = caller(deps(), request.headers.authorization);
    route(request, url.pathname, url.searchParams)
      .catch((error: unknown): Routed => {
        console.error("[sandbox]", error);
        return { reply: serverError(), api: url.pathname.startsWith("/api/"), body: undefined };
      })
      .then(({ reply, body, api, ...logged }) => {
        if (api) {
          state.record({
            method: request.method ?? "GET",
            path: url.pathname,
            username: "caller" in logged ? (logged.caller ?? null) : who,
            contentType: request.headers["content-type"] ?? null,
            userAgent: request.headers["user-agent"] ?? null,
            body,
            status: reply.status,
            response:
              "response" in logged
                ? logged.response
                : Buffer.isBuffer(reply.body)
                  ? { bytes: reply.body.length }
                  : reply.body,
          });
        }
        if (!response.headersSent) send(response, reply);
      });
  });

  return {
    state,
    dispatcher,
    clock,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
          publicUrl ||= `http://${host}:${port}`;
          resolve(publicUrl);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        clock.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An answer, and for the token endpoint what the log may keep of it (no secret, no token). */
type Routed = { reply: Reply; body?: unknown; api: boolean; caller?: string | null; response?: unknown };

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
