// Errors a domain module may throw for the caller to see. Pure (no `next/server`): the route
// wrapper in lib/http.ts maps them to answers.

/** An error whose status and message are safe to show to the caller. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** The whole JSON body, for the few answers with their own shape (e.g. OptedOutError). */
    readonly body?: object,
    /** Sent as `Retry-After` (a 503 for a database that is away or saturated). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new HttpError(404, "not_found", message);
export const forbidden = (message: string) => new HttpError(403, "forbidden", message);
export const conflict = (message: string, code = "conflict") => new HttpError(409, code, message);
export const unprocessable = (message: string) => new HttpError(422, "unprocessable", message);
/** Not now, try again later (Bandwidth retries a callback answered 503). */
export const unavailable = (code: string, message: string, retryAfterSeconds = 5) =>
  new HttpError(503, code, message, undefined, undefined, retryAfterSeconds);
