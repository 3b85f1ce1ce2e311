import { describe, expect, it } from "vitest";
import { MAX_TEXT_LENGTH } from "./send-message";
import { savedReplyCreateSchema, savedReplyUpdateSchema } from "./saved-replies";

const problems = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("saved reply contracts", () => {
  it("trims name and body and makes a reply personal unless told", () => {
    expect(savedReplyCreateSchema.parse({ name: "  Thanks ", body: "\n Thank you! \n" })).toEqual({
      name: "Thanks",
      body: "Thank you!",
      scope: "personal",
    });
    expect(savedReplyCreateSchema.parse({ name: "Hours", body: "9–5", scope: "team" }).scope).toBe("team");
  });

  it("needs a one-line name of 1–80 characters and a body as long as a message at most", () => {
    expect(problems(savedReplyCreateSchema.safeParse({ name: "  ", body: "x" }))).toEqual(["name: required"]);
    expect(problems(savedReplyCreateSchema.safeParse({ name: "x".repeat(81), body: "x" }))).toEqual([
      "name: at most 80 characters",
    ]);
    expect(problems(savedReplyCreateSchema.safeParse({ name: "a\nb", body: "x" }))).toEqual([
      "name: no control characters or line breaks",
    ]);
    expect(problems(savedReplyCreateSchema.safeParse({ name: "x", body: " \n " }))).toEqual(["body: required"]);
    expect(savedReplyCreateSchema.safeParse({ name: "x", body: "y".repeat(MAX_TEXT_LENGTH) }).success).toBe(true);
    expect(problems(savedReplyCreateSchema.safeParse({ name: "x", body: "y".repeat(MAX_TEXT_LENGTH + 1) }))).toEqual([
      `body: at most ${MAX_TEXT_LENGTH} characters`,
    ]);
    expect(problems(savedReplyCreateSchema.safeParse({ name: "x", body: "a\u0000b" }))).toContain(
      "body: contains a control character",
    );
  });

  it("refuses an unknown scope and unknown fields", () => {
    expect(problems(savedReplyCreateSchema.safeParse({ name: "x", body: "y", scope: "global" }))).toEqual([
      "scope: personal or team",
    ]);
    expect(savedReplyCreateSchema.safeParse({ name: "x", body: "y", ownerId: "someone" }).success).toBe(false);
  });

  it("changes name, body or both, never the scope, and not nothing", () => {
    expect(savedReplyUpdateSchema.parse({ body: " New " })).toEqual({ body: "New" });
    expect(problems(savedReplyUpdateSchema.safeParse({}))).toEqual(["nothing to change: give name or body"]);
    expect(savedReplyUpdateSchema.safeParse({ scope: "team" }).success).toBe(false);
  });
});
