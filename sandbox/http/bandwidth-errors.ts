import type { Reply } from "./kit";

// Error answers in the shapes Bandwidth's messaging API uses (see the spec's messagingRequestError,
// createMessageRequestError and the Spring-style 404 for unknown paths).

export type FieldError = { fieldName: string; description: string };

export function validationError(fieldErrors: FieldError[], description = "Your request could not be accepted"): Reply {
  return {
    status: 400,
    body: { type: "request-validation", description, ...(fieldErrors.length ? { fieldErrors } : {}) },
  };
}

export function badRequest(description: string): Reply {
  return { status: 400, body: { type: "request-validation", description } };
}

export function unauthorized(): Reply {
  return {
    status: 401,
    body: { type: "unauthorized", description: "Authentication Failed" },
    headers: { "www-authenticate": 'Basic realm="Bandwidth"' },
  };
}

export function forbidden(): Reply {
  return { status: 403, body: { type: "forbidden", description: "Access Denied" } };
}

/** The Spring-style body Bandwidth answers for a path it does not know. */
export function unknownPath(path: string): Reply {
  return {
    status: 404,
    body: {
      timestamp: new Date().toISOString().replace("Z", "+0000"),
      status: 404,
      error: "Not Found",
      message: "Not Found",
      path,
    },
  };
}

export function notFound(description: string): Reply {
  return { status: 404, body: { type: "not-found", description } };
}

export function methodNotAllowed(method: string): Reply {
  return { status: 405, body: { type: "method-not-allowed", description: `Request method '${method}' not supported` } };
}

export function unsupportedContentType(contentType: string, expected = "application/json"): Reply {
  return {
    status: 415,
    body: {
      type: "unsupported-content-type",
      description: `Content type '${contentType || "none"}' not supported. Please use '${expected}'`,
    },
  };
}

export function queueFull(ratePerMinute: number, capacity: number, retryAfterSeconds: number): Reply {
  return {
    status: 429,
    headers: { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    body: {
      type: "max-message-queue-size-exceeded",
      description: `The SMS queue for your account is full and cannot accept more messages right now. Your allowed rate is ${ratePerMinute} messages per minute. The capacity of this queue is ${capacity} messages (${Math.round(capacity / ratePerMinute)} minutes). Reduce your message sending rate, or contact support to increase your allowed rate.`,
    },
  };
}

export function serverError(
  status = 500,
  description = "An internal server error occurred. Please try again later.",
): Reply {
  return { status, body: { type: status === 503 ? "service-unavailable" : "internal-server-error", description } };
}
