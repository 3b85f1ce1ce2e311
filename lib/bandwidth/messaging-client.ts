import "server-only";
import { Configuration, MessagesApi, type MessageRequest } from "bandwidth-sdk";

export type BandwidthAccountAccess = { accountId: string; messagingBaseUrl: string; username: string; password: string };

export type SendRequest = { applicationId: string; from: string; to: string[]; text?: string; media?: string[]; tag: string };

/** What became of a send, in the terms the worker acts on. */
export type SendOutcome =
  | { kind: "accepted"; id: string; segmentCount: number | null; time: Date | null }
  /** 400: Bandwidth refused the request itself; resending will not help. */
  | { kind: "rejected"; detail: string }
  /** 401/403: the account's credentials were refused. */
  | { kind: "unauthorized"; status: number }
  | { kind: "rate-limited"; retryAfterMs: number | null; detail: string }
  /** 5xx, or no connection at all: nothing was sent (Bandwidth bills and sends nothing on an error). */
  | { kind: "retryable"; detail: string }
  /** The request may have reached Bandwidth but no answer came back: never resend blindly. */
  | { kind: "unknown"; detail: string };

// Errors that prove the request never left (or was refused before any byte was read).
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ERR_INVALID_URL", "CERT_HAS_EXPIRED"]);

/** Sends one message through Bandwidth's official SDK and classifies the answer; never throws. */
export async function sendThroughBandwidth(account: BandwidthAccountAccess, request: SendRequest, timeoutMs: number): Promise<SendOutcome> {
  const api = new MessagesApi(
    new Configuration({
      username: account.username,
      password: account.password,
      basePath: account.messagingBaseUrl.replace(/\/+$/, ""),
      baseOptions: { timeout: timeoutMs },
    }),
  );
  // The SDK types `to` as a Set (the spec's uniqueItems) but serialises with JSON.stringify, which
  // turns a Set into {}: it must be given an array.
  const body = { ...request, to: [...request.to] } as unknown as MessageRequest;
  try {
    const { data } = await api.createMessage(account.accountId, body);
    return { kind: "accepted", id: data.id ?? "", segmentCount: data.segmentCount ?? null, time: data.time ? new Date(data.time) : null };
  } catch (error) {
    return classify(error);
  }
}

type AxiosLikeError = { code?: string; message?: string; response?: { status: number; data?: unknown; headers?: Record<string, unknown> } };

export function classify(error: unknown): SendOutcome {
  const failure = error as AxiosLikeError;
  const response = failure.response;
  if (!response) {
    const code = failure.code ?? "";
    if (NOT_SENT.has(code)) return { kind: "retryable", detail: `Could not reach Bandwidth (${code})` };
    return { kind: "unknown", detail: `No answer from Bandwidth (${code || failure.message || "connection lost"})` };
  }
  const body = (response.data ?? {}) as { type?: string; description?: string; fieldErrors?: Array<{ fieldName?: string; description?: string }> };
  if (response.status === 401 || response.status === 403) return { kind: "unauthorized", status: response.status };
  if (response.status === 429) {
    return { kind: "rate-limited", retryAfterMs: retryAfterMs(response.headers?.["retry-after"]), detail: body.description ?? "Too many requests" };
  }
  if (response.status >= 500) return { kind: "retryable", detail: `Bandwidth answered ${response.status}${body.description ? `: ${body.description}` : ""}` };
  return { kind: "rejected", detail: describeRejection(response.status, body) };
}

/** Bandwidth's field errors in words, e.g. "to: '+1555' must be replaced with a valid E164 …". */
export function describeRejection(status: number, body: { description?: string; fieldErrors?: Array<{ fieldName?: string; description?: string }> }): string {
  const fields = (body.fieldErrors ?? []).map((field) => `${field.fieldName ?? "request"}: ${field.description ?? "invalid"}`);
  const summary = body.description ?? `Bandwidth refused the message (HTTP ${status})`;
  return fields.length ? `${summary} — ${fields.join("; ")}` : summary;
}

function retryAfterMs(header: unknown): number | null {
  if (typeof header !== "string" || header === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}
