import { findErrorCode } from "@/lib/bandwidth/error-catalogue";

/** The failure Bandwidth reports when it cannot fetch a message's media (4410 media-unavailable). */
export function mediaUnavailable(): { delivered: false; code: number; description: string } {
  return { delivered: false, code: 4410, description: findErrorCode(4410)?.description ?? "media-unavailable" };
}

/**
 * The sandbox's "test card numbers": a recipient whose last four digits are a catalogue code fails
 * with that code; any other recipient is delivered.
 */
export function outcomeFor(
  recipient: string,
): { delivered: true } | { delivered: false; code: number; description: string } {
  const entry = findErrorCode(Number(recipient.slice(-4)));
  return entry ? { delivered: false, code: entry.code, description: entry.description } : { delivered: true };
}
