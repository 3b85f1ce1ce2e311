import { describe, expect, it } from "vitest";
import { addNoteBody } from "./notes";
import { toNoteView } from "./note-view";

describe("a note as the API returns it", () => {
  it("keeps author, body and time, and lists mentions by name", () => {
    const createdAt = new Date("2026-12-01T10:00:00Z");
    const view = toNoteView({
      id: "n1",
      author: { id: "a", name: "Avery Admin" },
      body: "@Sam Agent and @Bo Baker, look",
      createdAt,
      mentions: [{ user: { id: "s", name: "Sam Agent" } }, { user: { id: "b", name: "Bo Baker" } }],
    });
    expect(view).toEqual({
      id: "n1",
      author: { id: "a", name: "Avery Admin" },
      body: "@Sam Agent and @Bo Baker, look",
      mentions: [
        { id: "b", name: "Bo Baker" },
        { id: "s", name: "Sam Agent" },
      ],
      createdAt,
    });
    expect(toNoteView({ id: "n2", author: null, body: "x", createdAt, mentions: [] }).author).toBeNull();
  });
});

describe("the note contract", () => {
  it("trims the body, needs some text, at most 4,000 characters, no control characters", () => {
    expect(addNoteBody.parse({ body: "  Called them back.\n" })).toEqual({ body: "Called them back.", mentionIds: [] });
    expect(addNoteBody.safeParse({ body: " \n " }).success).toBe(false);
    expect(addNoteBody.safeParse({ body: "a".repeat(4_000) }).success).toBe(true);
    expect(addNoteBody.safeParse({ body: "a".repeat(4_001) }).success).toBe(false);
    expect(addNoteBody.safeParse({ body: "bell \u0007" }).success).toBe(false);
    expect(addNoteBody.safeParse({ body: "hi", extra: 1 }).success).toBe(false);
  });

  it("takes mentioned teammates' ids", () => {
    const id = "3c9a1f2e-1111-4222-8333-444455556666";
    expect(addNoteBody.parse({ body: "@Sam hi", mentionIds: [id] }).mentionIds).toEqual([id]);
    expect(addNoteBody.safeParse({ body: "hi", mentionIds: ["sam"] }).success).toBe(false);
  });
});
