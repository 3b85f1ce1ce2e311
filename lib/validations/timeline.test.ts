import { describe, expect, it } from "vitest";
import { toTimeline } from "./timeline";

const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

describe("the thread's timeline", () => {
  it("is messages alone, oldest first, when there is nothing else", () => {
    const items = toTimeline([
      { id: "m1", createdAt: at(1) },
      { id: "m2", createdAt: at(2) },
    ]);
    expect(items.map((item) => item.key)).toEqual(["message:m1", "message:m2"]);
    expect(items[0]).toMatchObject({ kind: "message", at: at(1), message: { id: "m1" } });
  });

  it("puts activity and notes among the messages by time, whatever order they come in", () => {
    const items = toTimeline(
      [
        { id: "m1", createdAt: at(1) },
        { id: "m3", createdAt: at(5) },
      ],
      [{ id: "a1", createdAt: at(3) }],
      [
        { id: "n2", createdAt: new Date(at(6)) },
        { id: "n1", createdAt: new Date(at(2)) },
      ],
    );
    expect(items.map((item) => item.key)).toEqual(["message:m1", "note:n1", "activity:a1", "message:m3", "note:n2"]);
    expect(items[1]).toMatchObject({ kind: "note", note: { id: "n1" } });
  });

  it("keeps a message before the activity and the note of the same instant, and each kind's own order", () => {
    const items = toTimeline(
      [{ id: "m1", createdAt: at(1) }],
      [
        { id: "a1", createdAt: at(1) },
        { id: "a2", createdAt: at(1) },
      ],
      [
        { id: "n1", createdAt: at(1) },
        { id: "n2", createdAt: at(1) },
      ],
    );
    expect(items.map((item) => item.key)).toEqual(["message:m1", "activity:a1", "activity:a2", "note:n1", "note:n2"]);
  });

  it("gives keys unique across kinds even when ids repeat", () => {
    const items = toTimeline(
      [{ id: "x", createdAt: at(1) }],
      [{ id: "x", createdAt: at(2) }],
      [{ id: "x", createdAt: at(3) }],
    );
    expect(new Set(items.map((item) => item.key)).size).toBe(3);
  });
});
