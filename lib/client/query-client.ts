import { isServer, QueryClient } from "@tanstack/react-query";
import { apiProblemInWords, isNetworkFailure, UNREACHABLE } from "./api-problem";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live events (issue 5) invalidate what changed; until then a short stale time avoids refetch storms.
        staleTime: 30_000,
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server render; one shared client in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/** An error answer from our API, with its code and message as the API gave them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body, for answers that carry more than a message (e.g. a send refused as opted out). */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

/** A JSON request (POST, PUT, PATCH…) to our API; the answer as `fetchJson` gives it. */
export function sendJson<T>(url: string, method: string, body?: unknown): Promise<T> {
  return fetchJson<T>(url, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Our API's answer as JSON; a failure as an ApiError whose message is words (./api-problem.ts). */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch (error) {
    if (isNetworkFailure(error)) throw new ApiError(0, "unreachable", UNREACHABLE);
    throw error;
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    // Our errors are { error: { code, message } }; a few carry their code flat: { error: "opted_out", message }.
    const error = body?.error;
    const code = typeof error === "string" ? error : error?.code;
    const message = typeof error === "string" ? body?.message : error?.message;
    throw new ApiError(response.status, code ?? "http_error", apiProblemInWords(message ?? "", response.status), body);
  }
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}

type ErrorBody = { error?: string | { code?: string; message?: string }; message?: string };
