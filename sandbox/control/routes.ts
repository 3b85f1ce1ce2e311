import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { MessagingDeps } from "../api/messages";
import { errorCodes } from "@/lib/bandwidth/error-catalogue";
import { E164 } from "@/lib/bandwidth/number-rules";
import { notFound, validationError } from "../http/bandwidth-errors";
import type { Reply } from "../http/kit";
import { defaultFaults } from "../state";
import { handleAccountControl } from "./account-routes";
import { inboundSchema, simulateInbound } from "./inbound";
import { parseJson } from "./parse-json";

export type ControlDeps = MessagingDeps;

const applicationSchema = z.object({
  accountId: z.string().regex(/^\d+$/, "'accountId' is Bandwidth's numeric account id"),
  name: z.string().max(200).optional(),
  inboundCallbackUrl: z.url().optional(),
  statusCallbackUrl: z.url().optional(),
  callbackUsername: z.string().min(1).optional(),
  callbackPassword: z.string().min(1).optional(),
  numbers: z.array(z.string().regex(E164, "numbers must be E.164")).default([]),
});

const faultsSchema = z
  .object({
    duplicates: z.number().int().min(0).max(20),
    shuffle: z.boolean(),
    delayMs: z.number().int().min(0).max(600_000),
    callbackFailureRate: z.number().min(0).max(1),
    send429Rate: z.number().min(0).max(1),
    send5xxRate: z.number().min(0).max(1),
    failNextSends: z
      .array(z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]))
      .max(100),
    sendResponseDelayMs: z.number().int().min(0).max(600_000),
    dropCallbacks: z
      .object({
        messageIds: z.array(z.string().min(1).max(100)).max(1000).default([]),
        numbers: z.array(z.string().regex(E164, "numbers must be E.164")).max(100).default([]),
      })
      .strict(),
  })
  .partial()
  .strict();

export async function handleControl(
  deps: ControlDeps,
  request: IncomingMessage,
  path: string,
  query: URLSearchParams,
): Promise<Reply | null> {
  const { state } = deps;
  const method = request.method ?? "GET";
  const application = /^\/sandbox\/applications\/([^/]+)$/.exec(path);

  if (method === "GET" && path === "/sandbox/health") return { status: 200, body: { status: "ok" } };
  if (path === "/sandbox/auth" || path.startsWith("/sandbox/accounts")) {
    const reply = await handleAccountControl(deps, request, path);
    if (reply) return reply;
  }
  if (method === "GET" && path === "/sandbox/applications") {
    return {
      status: 200,
      body: [...state.applications.values()].map(({ callbackPassword, ...rest }) => ({
        ...rest,
        callbackPasswordSet: Boolean(callbackPassword),
      })),
    };
  }
  if (method === "PUT" && application?.[1]) {
    const parsed = await parseJson(request, applicationSchema);
    if ("reply" in parsed) return parsed.reply;
    if (!state.accounts.has(parsed.value.accountId))
      return validationError([{ fieldName: "accountId", description: "no such sandbox account" }]);
    const applicationId = decodeURIComponent(application[1]);
    state.applications.set(applicationId, { applicationId, name: parsed.value.name ?? applicationId, ...parsed.value });
    return { status: 200, body: { applicationId, ...parsed.value, callbackPassword: undefined } };
  }
  if (method === "DELETE" && application?.[1]) {
    return state.applications.delete(decodeURIComponent(application[1]))
      ? { status: 204 }
      : notFound("no such application");
  }
  if (method === "DELETE" && path === "/sandbox/media") {
    // As if Bandwidth's 48 hours had passed for every file: its media URLs answer 404 from now on.
    const count = state.media.size;
    state.media.clear();
    return { status: 200, body: { expired: count } };
  }
  if (method === "POST" && path === "/sandbox/inbound") {
    const parsed = await parseJson(request, inboundSchema);
    if ("reply" in parsed) return parsed.reply;
    const result = simulateInbound(deps, parsed.value);
    if ("error" in result) return validationError([{ fieldName: "to", description: result.error }]);
    return { status: 202, body: { messages: result } };
  }
  if (path === "/sandbox/faults") {
    if (method === "GET") return { status: 200, body: state.faults };
    if (method === "DELETE") {
      state.faults = defaultFaults(state.config);
      return { status: 200, body: state.faults };
    }
    if (method === "PUT") {
      const parsed = await parseJson(request, faultsSchema);
      if ("reply" in parsed) return parsed.reply;
      state.faults = { ...state.faults, ...parsed.value };
      return { status: 200, body: state.faults };
    }
  }
  if (method === "GET" && path === "/sandbox/requests") {
    const since = Number(query.get("since") ?? 0);
    return { status: 200, body: state.requests.filter((entry) => entry.id > since) };
  }
  if (method === "GET" && path === "/sandbox/messages") {
    const number = query.get("number");
    const messages = number
      ? state.messages.filter(({ message }) => message.from === number || message.to.includes(number))
      : state.messages;
    return { status: 200, body: messages };
  }
  if (method === "GET" && path === "/sandbox/callbacks") {
    const messageId = query.get("messageId");
    const deliveries = deps.dispatcher.deliveries.filter(
      (delivery) => !messageId || delivery.events.some((event) => event.message.id === messageId),
    );
    return { status: 200, body: deliveries };
  }
  if (method === "GET" && path === "/sandbox/test-numbers") {
    return {
      status: 200,
      body: errorCodes().map(({ code, description, friendlyDescription }) => ({
        number: `+1555555${code}`,
        code,
        description,
        friendlyDescription,
      })),
    };
  }
  if (method === "POST" && path === "/sandbox/reset") {
    deps.clock.stop(); // cancels every scheduled callback and retry
    state.reset();
    deps.queue.clear();
    deps.dispatcher.clear();
    return { status: 204 };
  }
  return null;
}
