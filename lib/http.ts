import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { HttpError, notFound } from "./errors";
import { env } from "./env";
import { crossSiteProblem, ownOrigins } from "./same-origin";
import { uuid } from "./validations/common";

export function jsonError(status: number, code: string, message: string, details?: unknown) {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });
}

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

/**
 * Wraps a route handler: a state-changing request from another origin → 403 (CSRF; see
 * lib/same-origin.ts), zod → 400, HttpError → its status, anything else → logged 500.
 */
export function route<Ctx = unknown>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    try {
      const crossSite = crossSiteProblem(request.method, request.headers, ownOrigins(request.url, env().NEXTAUTH_URL));
      if (crossSite) throw new HttpError(403, "cross_site_request", `Refused: ${crossSite}.`);
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) {
        const response = error.body
          ? NextResponse.json(error.body, { status: error.status })
          : jsonError(error.status, error.code, error.message, error.details);
        if (error.retryAfterSeconds !== undefined) response.headers.set("retry-after", String(error.retryAfterSeconds));
        return response;
      }
      if (error instanceof ZodError) {
        const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
        return jsonError(
          400,
          "invalid_request",
          // Our schemas' messages name their field already ("name: required"); others get it added.
          issues
            .map((i) => (i.message.startsWith(`${i.path}:`) ? i.message : `${i.path || "body"}: ${i.message}`))
            .join("; "),
          issues,
        );
      }
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed`, error);
      return jsonError(500, "internal_error", "Something went wrong on our side; it has been logged.");
    }
  };
}

/** A UUID from the URL path: anything else is simply not found (no hint about what exists). */
export function uuidParam(value: string, notFoundMessage: string): string {
  if (!uuid().safeParse(value).success) throw notFound(notFoundMessage);
  return value.toLowerCase();
}

/** Reads URL search params into a plain object for a zod schema. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/**
 * Reads a JSON request body of at most `limit` bytes: 415 unless it is declared JSON, 413 when too
 * large (checked on the declared length and while reading), 400 when it does not parse.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new HttpError(415, "unsupported_media_type", `Content-Type must be application/json (got ${type || "none"})`);
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new HttpError(413, "payload_too_large", `The body must be at most ${limit} bytes`);
  if (declared > limit) throw tooLarge();
  // With a declared length the body is bounded already: read it in one go (cheaper than chunks).
  const text = await readOrCutOff(() =>
    declared > 0 ? request.text() : readBounded(request, limit, tooLarge).then((body) => body.toString("utf8")),
  );
  if (Buffer.byteLength(text) > limit) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "The body is not valid JSON");
  }
}

/**
 * Reading a body fails when the client goes away mid-body (a closing tab's beacon, a dropped
 * connection): that is the client's doing, a 400, not a 500 in the logs. Our own refusals pass on.
 */
async function readOrCutOff<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "body_incomplete", "The request body ended before it was complete");
  }
}

/** A body without Content-Length (chunked): read piece by piece, refusing more than `limit` bytes. */
async function readBounded(request: Request, limit: number, tooLarge: () => HttpError): Promise<Buffer> {
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A raw body (a file upload) of at most `limit` bytes: 413 on the declared length or while reading. */
export async function readBodyBytes(request: Request, limit: number, tooLargeMessage: string): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, "payload_too_large", tooLargeMessage);
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge();
  return readOrCutOff(() => readBounded(request, limit, tooLarge));
}
