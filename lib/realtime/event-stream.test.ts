import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { changeEventStream } from "./event-stream";

vi.mock("./listener", () => ({
  changeListener: () => ({ up: true, subscribe: () => () => undefined }),
}));

describe("the live stream's heartbeat", () => {
  const unhandled = vi.fn();
  beforeEach(() => {
    vi.useFakeTimers();
    process.on("unhandledRejection", unhandled);
  });
  afterEach(() => {
    process.off("unhandledRejection", unhandled);
    vi.useRealTimers();
  });

  it("keeps the stream when the session check fails (the database is away), and asks again", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const stillAllowed = vi.fn(() => Promise.reject(new Error("Can't reach database server")));
    const controller = new AbortController();
    const stream = changeEventStream(controller.signal, stillAllowed, async (notices) => notices);
    const reader = stream.getReader();
    await reader.read(); // retry
    await reader.read(); // ready
    await vi.advanceTimersByTimeAsync(30_000);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stillAllowed).toHaveBeenCalledTimes(2);
    expect(unhandled).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not check the session/));
    expect((await reader.read()).value).toBeDefined(); // a heartbeat: still open
    controller.abort();
    warn.mockRestore();
  });
});
