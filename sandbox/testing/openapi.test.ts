import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { responseProblems, schemaProblems, SPEC_PATH, specExamples } from "./openapi";

describe("the OpenAPI validator", () => {
  it("catches bodies that do not match", () => {
    expect(responseProblems("/users/{accountId}/messages", "post", 202, { id: 42, to: "+1555" })).not.toEqual([]);
    expect(responseProblems("/users/{accountId}/messages", "post", 400, { description: "no type" })).not.toEqual([]);
    expect(schemaProblems("callback", { type: "message-delivered", to: "+1555" })).not.toEqual([]);
    expect(responseProblems("/users/{accountId}/messages", "post", 418, {})).toEqual([
      expect.stringMatching(/defines no 418/),
    ]);
  });

  it("accepts the spec's own callback examples", () => {
    const examples = Object.entries(specExamples()).filter(([name]) => name.endsWith("CallbackExample"));
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const [name, example] of examples) expect(schemaProblems("callback", example.value), name).toEqual([]);
  });

  it("checks against a verbatim copy of the reference spec", () => {
    const reference = path.join(
      import.meta.dirname,
      "..",
      "..",
      "..",
      "shared",
      "ref",
      "bandwidth-messaging-openapi.yml",
    );
    // The reference lives beside the repository in this team's workspace; a plain clone has only the copy.
    if (existsSync(reference)) expect(readFileSync(SPEC_PATH, "utf8")).toBe(readFileSync(reference, "utf8"));
    expect(readFileSync(SPEC_PATH, "utf8")).toMatch(/Bandwidth Messaging/);
  });
});
