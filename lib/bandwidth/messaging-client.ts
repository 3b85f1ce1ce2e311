import "server-only";
import { Configuration, MediaApi, MessagesApi, type MessageRequest } from "bandwidth-sdk";

export type BandwidthAccountAccess = {
  accountId: string;
  messagingBaseUrl: string;
  username: string;
  password: string;
};

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
  /** 401/403: the account's credentials were refused. */
  | { kind: "unauthorized"; status: number }
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
  account: BandwidthAccountAccess,
  request: SendRequest,
  timeoutMs: number,
): Promise<SendOutcome> {
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
  if (response.status === 401 || response.status === 403) return { kind: "unauthorized", status: response.status };
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
  account: BandwidthAccountAccess,
  file: { mediaName: string; contentType: string; data: Buffer },
  timeoutMs: number,
): Promise<UploadOutcome> {
  const basePath = account.messagingBaseUrl.replace(/\/+$/, "");
  const api = new MediaApi(
    new Configuration({
      username: account.username,
      password: account.password,
      basePath,
      baseOptions: { timeout: timeoutMs, maxBodyLength: Infinity },
    }),
  );
  try {
    // The SDK types the body as a File; axios sends a Buffer as the raw bytes.
    await api.uploadMedia(account.accountId, file.mediaName, file.data as unknown as File, file.contentType);
    return {
      kind: "uploaded",
      url: `${basePath}/users/${account.accountId}/media/${encodeURIComponent(file.mediaName)}`,
    };
  } catch (error) {
    const outcome = classify(error);
    return outcome.kind === "unknown" ? { kind: "retryable", detail: outcome.detail } : (outcome as UploadOutcome);
  }
}

/** Removes uploaded files (after a failed send, so nothing is left half-sent); best effort. */
export async function deleteMediaFromBandwidth(
  account: BandwidthAccountAccess,
  mediaNames: string[],
  timeoutMs: number,
): Promise<void> {
  const basePath = account.messagingBaseUrl.replace(/\/+$/, "");
  const api = new MediaApi(
    new Configuration({
      username: account.username,
      password: account.password,
      basePath,
      baseOptions: { timeout: timeoutMs },
    }),
  );
  await Promise.all(mediaNames.map((name) => api.deleteMedia(account.accountId, name).catch(() => undefined)));
}
