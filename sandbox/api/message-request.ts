import { isAlphanumericSender, isE164, isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import type { FieldError } from "../http/bandwidth-errors";

export type MessageRequest = {
  applicationId: string;
  to: string[];
  from: string;
  text?: string;
  media?: string[];
  tag?: string;
  priority?: "default" | "high";
  expiration?: string;
};

const MAX_RECIPIENTS = 10;
const MAX_TEXT = 2048;
const MAX_TAG = 1024;
const MAX_MEDIA_URL = 4096;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks a createMessage body as Bandwidth does; every problem becomes a field error. */
export function validateMessageRequest(
  body: unknown,
  now = Date.now(),
): { request: MessageRequest } | { fieldErrors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (fieldName: string, description: string) => errors.push({ fieldName, description });
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { fieldErrors: [{ fieldName: "body", description: "The request body must be a JSON object" }] };
  }
  const input = body as Record<string, unknown>;

  if (typeof input.applicationId !== "string" || input.applicationId.trim() === "")
    fail("applicationId", "'applicationId' is required");

  const to = typeof input.to === "string" ? [input.to] : input.to;
  if (to === undefined || to === null) fail("to", "'to' is required");
  else if (!Array.isArray(to) || to.some((item) => typeof item !== "string"))
    fail("to", "'to' must be a phone number or an array of phone numbers");
  else {
    if (to.length === 0) fail("to", "'to' must contain at least one phone number");
    if (to.length > MAX_RECIPIENTS)
      fail("to", `'to' may contain at most ${MAX_RECIPIENTS} phone numbers (found ${to.length})`);
    for (const number of to as string[])
      if (!isE164(number)) fail("to", `'${number}' must be replaced with a valid E164 formatted telephone number`);
    if (new Set(to).size !== to.length) fail("to", "'to' must not contain duplicate phone numbers");
  }

  const from = input.from;
  if (typeof from !== "string" || from === "") fail("from", "'from' is required");
  else if (!isE164(from) && !isAlphanumericSender(from))
    fail("from", `'${from}' must be replaced with a valid E164 formatted telephone number`);
  else if (Array.isArray(to) && to.length > 1 && isTollFreeNumber(from))
    fail("from", "Group messages cannot be sent from a toll-free number");

  if (input.text !== undefined && typeof input.text !== "string") fail("text", "'text' must be a string");
  else if (typeof input.text === "string" && input.text.length > MAX_TEXT)
    fail("text", `'text' must be ${MAX_TEXT} characters or less`);

  if (input.media !== undefined) {
    if (!Array.isArray(input.media) || input.media.some((url) => typeof url !== "string"))
      fail("media", "'media' must be an array of URLs");
    else
      for (const url of input.media as string[])
        if (url.length > MAX_MEDIA_URL || !isHttpUrl(url))
          fail("media", `'${url.slice(0, 80)}' is not a valid media URL`);
  }
  const hasText = typeof input.text === "string" && input.text.length > 0;
  const hasMedia = Array.isArray(input.media) && input.media.length > 0;
  if (!hasText && !hasMedia) fail("text", "A message needs 'text' or 'media'");

  if (input.tag !== undefined && (typeof input.tag !== "string" || input.tag.length > MAX_TAG))
    fail("tag", `'tag' must be a string of ${MAX_TAG} characters or less`);
  if (input.priority !== undefined && input.priority !== "default" && input.priority !== "high")
    fail("priority", "'priority' must be one of default, high");
  if (input.expiration !== undefined) {
    if (
      typeof input.expiration !== "string" ||
      !RFC3339.test(input.expiration) ||
      Number.isNaN(Date.parse(input.expiration))
    )
      fail("expiration", "'expiration' must be an RFC-3339 date-time");
    else if (Date.parse(input.expiration) <= now) fail("expiration", "'expiration' must be a date-time in the future");
  }

  if (errors.length > 0) return { fieldErrors: errors };
  return {
    request: {
      applicationId: input.applicationId as string,
      to: to as string[],
      from: from as string,
      ...(typeof input.text === "string" ? { text: input.text } : {}),
      ...(hasMedia ? { media: input.media as string[] } : {}),
      ...(typeof input.tag === "string" ? { tag: input.tag } : {}),
      ...(input.priority ? { priority: input.priority as "default" | "high" } : {}),
      ...(typeof input.expiration === "string" ? { expiration: input.expiration } : {}),
    },
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
