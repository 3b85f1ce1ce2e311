import "server-only";
import type { MediaResponse } from "./serve-media";

/** A `serveMedia` answer as an HTTP response. */
export function toResponse(result: MediaResponse): Response {
  return new Response(result.body ? new Uint8Array(result.body) : null, {
    status: result.status,
    headers: result.headers,
  });
}
