import "server-only";
import { MediaApi, MessagesApi, type MessageRequest } from "bandwidth-sdk";
import { sdkConfiguration, TokenError, withTokenRetry, type BandwidthAccess } from "./credentials";

export type SendRequest = {
  applicationId: string;
  from: string;
  to: string[];
  text?: string;
  media?: string[];
  tag: string;
};

/** What became of a send, in the terms the worker acts on. */
export type SendOutcome =
  | { kind: "accepted"; id: string; segmentCount: number | null; time: Date | null }
  /** 400: Bandwidth refused the request itself; resending will not help. */
  | { kind: "rejected"; detail: string }
  /** 401/403: the account's credentials were refused (by the API, or by the token endpoint). */
  | { kind: "unauthorized"; status: number; detail: string }
  | { kind: "rate-limited"; retryAfterMs: number | null; detail: string }
  /** 5xx, or no connection at all: nothing was sent (Bandwidth bills and sends nothing on an error). */
  | { kind: "retryable"; detail: string }
  /** The request may have reached Bandwidth but no answer came back: never resend blindly. */
  | { kind: "unknown"; detail: string };

// Errors that prove the request never left (or was refused before any byte was read).
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_INVALID_URL",
  "CERT_HAS_EXPIRED",
]);

/** Sends one message through Bandwidth's official SDK and classifies the answer; never throws. */
export async function sendThroughBandwidth(
  account: BandwidthAccess,
  request: SendRequest,
  timeoutMs: number,
): Promise<SendOutcome> {
  const api = new MessagesApi(sdkConfiguration(account, { timeoutMs }));
  // The SDK types `to` as a Set (the spec's uniqueItems) but serialises with JSON.stringify, which
  // turns a Set into {}: it must be given an array.
  const body = { ...request, to: [...request.to] } as unknown as MessageRequest;
  try {
    const { data } = await withTokenRetry(account, () => api.createMessage(account.accountId, body));
    return {
      kind: "accepted",
      id: data.id ?? "",
      segmentCount: data.segmentCount ?? null,
      time: data.time ? new Date(data.time) : null,
    };
  } catch (error) {
    return classify(error);
  }
}

type AxiosLikeError = {
  code?: string;
  message?: string;
  response?: { status: number; data?: unknown; headers?: Record<string, unknown> };
};

export function classify(error: unknown): SendOutcome {
  // No token, so no request reached the API: refused credentials, or nothing sent at all.
  if (error instanceof TokenError) {
    return error.reason === "refused"
      ? { kind: "unauthorized", status: error.status ?? 401, detail: error.message }
      : { kind: "retryable", detail: error.message };
  }
  const failure = error as AxiosLikeError;
  const response = failure.response;
  if (!response) {
    const code = failure.code ?? "";
    if (NOT_SENT.has(code)) return { kind: "retryable", detail: `Could not reach Bandwidth (${code})` };
    return { kind: "unknown", detail: `No answer from Bandwidth (${code || failure.message || "connection lost"})` };
  }
  const body = (response.data ?? {}) as {
    type?: string;
    description?: string;
    fieldErrors?: Array<{ fieldName?: string; description?: string }>;
  };
  if (response.status === 401 || response.status === 403) {
    return {
      kind: "unauthorized",
      status: response.status,
      detail: `Bandwidth rejected the credentials (HTTP ${response.status})`,
    };
  }
  if (response.status === 429) {
    return {
      kind: "rate-limited",
      retryAfterMs: retryAfterMs(response.headers?.["retry-after"]),
      detail: body.description ?? "Too many requests",
    };
  }
  if (response.status >= 500)
    return {
      kind: "retryable",
      detail: `Bandwidth answered ${response.status}${body.description ? `: ${body.description}` : ""}`,
    };
  return { kind: "rejected", detail: describeRejection(response.status, body) };
}

/** Bandwidth's field errors in words, e.g. "to: '+1555' must be replaced with a valid E164 …". */
export function describeRejection(
  status: number,
  body: { description?: string; fieldErrors?: Array<{ fieldName?: string; description?: string }> },
): string {
  const fields = (body.fieldErrors ?? []).map(
    (field) => `${field.fieldName ?? "request"}: ${field.description ?? "invalid"}`,
  );
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

export type UploadOutcome = { kind: "uploaded"; url: string } | Exclude<SendOutcome, { kind: "accepted" | "unknown" }>;

/**
 * Uploads one file to the account's media store (`PUT …/media/{mediaName}`, the official SDK) and
 * returns the URL a send names it by. A PUT of the same name overwrites, so a lost answer is
 * simply retried.
 */
export async function uploadMediaToBandwidth(
  account: BandwidthAccess,
  file: { mediaName: string; contentType: string; data: Buffer },
  timeoutMs: number,
): Promise<UploadOutcome> {
  const api = new MediaApi(sdkConfiguration(account, { timeoutMs, maxBodyLength: Infinity }));
  try {
    // The SDK types the body as a File; axios sends a Buffer as the raw bytes.
    await withTokenRetry(account, () =>
      api.uploadMedia(account.accountId, file.mediaName, file.data as unknown as File, file.contentType),
    );
    return {
      kind: "uploaded",
      url: `${account.messagingBaseUrl}/users/${account.accountId}/media/${encodeURIComponent(file.mediaName)}`,
    };
  } catch (error) {
    const outcome = classify(error);
    return outcome.kind === "unknown" ? { kind: "retryable", detail: outcome.detail } : (outcome as UploadOutcome);
  }
}

/** Removes uploaded files (after a failed send, so nothing is left half-sent); best effort. */
export async function deleteMediaFromBandwidth(
  account: BandwidthAccess,
  mediaNames: string[],
  timeoutMs: number,
): Promise<void> {
  const api = new MediaApi(sdkConfiguration(account, { timeoutMs }));
  await Promise.all(
    mediaNames.map((name) =>
      withTokenRetry(account, () => api.deleteMedia(account.accountId, name)).catch(() => undefined),
    ),
  );
}

/**
 * One authenticated call that reads nothing and changes nothing (the first page of the account's
 * media), for "Test connection": the answer classified as a send's would be.
 */
export async function checkCredentials(account: BandwidthAccess, timeoutMs: number): Promise<SendOutcome> {
  const api = new MediaApi(sdkConfiguration(account, { timeoutMs }));
  try {
    await withTokenRetry(account, () => api.listMedia(account.accountId));
    return { kind: "accepted", id: "", segmentCount: null, time: null };
  } catch (error) {
    return classify(error);
  }
}
