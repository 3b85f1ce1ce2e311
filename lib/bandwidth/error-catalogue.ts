import catalogue from "./error-codes.json";

// Bandwidth's published messaging error codes, shipped as data. Pure: the composer, the server and
// the sandbox all read the same catalogue.

export type ErrorCode = (typeof catalogue)[number];

const byCode = new Map<number, ErrorCode>(catalogue.map((entry) => [entry.code, entry]));

export function errorCodes(): ErrorCode[] {
  return catalogue;
}

export function findErrorCode(code: number): ErrorCode | undefined {
  return byCode.get(code);
}
