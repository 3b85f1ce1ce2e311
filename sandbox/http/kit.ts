import type { IncomingMessage, ServerResponse } from "node:http";

export class BodyTooLargeError extends Error {}

/** Reads a request body, refusing more than `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export function send(response: ServerResponse, reply: Reply) {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
  } else if (Buffer.isBuffer(reply.body)) {
    response.writeHead(reply.status, { "content-length": String(reply.body.length), ...headers }).end(reply.body);
  } else if (typeof reply.body === "string" && headers["content-type"]) {
    response.writeHead(reply.status, headers).end(reply.body);
  } else {
    const json = JSON.stringify(reply.body);
    response.writeHead(reply.status, { "content-type": "application/json", ...headers }).end(json);
  }
}

export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
