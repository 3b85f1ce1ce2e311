import catalogue from "./error-codes.json";

export type ErrorCode = (typeof catalogue)[number];

const byCode = new Map<number, ErrorCode>(catalogue.map((entry) => [entry.code, entry]));

export function errorCodes(): ErrorCode[] {
  return catalogue;
}

export function findErrorCode(code: number): ErrorCode | undefined {
  return byCode.get(code);
}

/**
 * The sandbox's "test card numbers": a recipient whose last four digits are a catalogue code fails
 * with that code; any other recipient is delivered.
 */
/** The failure Bandwidth reports when it cannot fetch a message's media (4410 media-unavailable). */
export function mediaUnavailable(): { delivered: false; code: number; description: string } {
  const entry = byCode.get(4410);
  return { delivered: false, code: 4410, description: entry?.description ?? "media-unavailable" };
}

export function outcomeFor(recipient: string): { delivered: true } | { delivered: false; code: number; description: string } {
  const entry = byCode.get(Number(recipient.slice(-4)));
  return entry ? { delivered: false, code: entry.code, description: entry.description } : { delivered: true };
}
