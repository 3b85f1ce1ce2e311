import { describe, expect, it } from "vitest";
import { HttpError } from "./errors";
import { readBodyBytes, readJsonBody } from "./http";

/** A request whose body sends a little and then breaks, as when the client goes away mid-body. */
function cutOff(headers: Record<string, string>): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"tabId":'));
      controller.error(new Error("aborted"));
    },
  });
  return new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("reading request bodies", () => {
  it("answers a body cut off mid-way with 400, declared length or not", async () => {
    const variants: Array<Record<string, string>> = [
      { "content-type": "application/json", "content-length": "40" },
      { "content-type": "application/json" },
    ];
    for (const headers of variants) {
      const error = await readJsonBody(cutOff(headers), 1_000).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ status: 400, code: "body_incomplete" });
    }
    await expect(readBodyBytes(cutOff({}), 1_000, "too large")).rejects.toMatchObject({ status: 400 });
  });

  it("still refuses what is too large with 413 and what is not JSON with 400", async () => {
    const big = new Request("http://localhost/x", {
      method: "POST",
      body: "x".repeat(2_000),
      headers: { "content-type": "application/json" },
    });
    await expect(readJsonBody(big, 1_000)).rejects.toMatchObject({ status: 413 });
    const notJson = new Request("http://localhost/x", {
      method: "POST",
      body: "{",
      headers: { "content-type": "application/json" },
    });
    await expect(readJsonBody(notJson, 1_000)).rejects.toMatchObject({ status: 400, code: "invalid_json" });
  });
});
