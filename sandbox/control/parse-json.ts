import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { badRequest, validationError } from "../http/bandwidth-errors";
import { BodyTooLargeError, readBody, type Reply } from "../http/kit";

/** JSON bodies of the control API; bad JSON or a bad shape is answered in Bandwidth's error shape. */
export async function parseJson<T>(
  request: IncomingMessage,
  schema: z.ZodType<T>,
): Promise<{ value: T } | { reply: Reply }> {
  let json: unknown;
  try {
    const raw = (await readBody(request, 60 * 1024 * 1024)).toString("utf8");
    json = raw ? JSON.parse(raw) : {};
  } catch (error) {
    return {
      reply: badRequest(
        error instanceof BodyTooLargeError ? "The request body is too large" : "The request body is not valid JSON",
      ),
    };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    return {
      reply: validationError(
        result.error.issues.map((issue) => ({ fieldName: issue.path.join(".") || "body", description: issue.message })),
      ),
    };
  }
  return { value: result.data };
}
