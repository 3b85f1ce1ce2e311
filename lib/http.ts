import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";

/** An error whose status and message are safe to show to the caller. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function jsonError(status: number, code: string, message: string, details?: unknown) {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });
}

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

/** Wraps a route handler: zod → 400, HttpError → its status, anything else → logged 500. */
export function route<Ctx = unknown>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) return jsonError(error.status, error.code, error.message, error.details);
      if (error instanceof ZodError) {
        const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
        return jsonError(400, "invalid_request", issues.map((i) => `${i.path || "body"}: ${i.message}`).join("; "), issues);
      }
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed`, error);
      return jsonError(500, "internal_error", "Something went wrong on our side; it has been logged.");
    }
  };
}

/** Reads URL search params into a plain object for a zod schema. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
