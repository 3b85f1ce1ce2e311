import { describe, expect, it } from "vitest";
import { findSlashTrigger, matchSavedReplies } from "./saved-reply-search";

describe("the / trigger", () => {
  it("starts at the beginning of the text or after whitespace, up to the caret", () => {
    expect(findSlashTrigger("/", 1)).toEqual({ start: 0, query: "" });
    expect(findSlashTrigger("/thank", 6)).toEqual({ start: 0, query: "thank" });
    expect(findSlashTrigger("Hi! /tha", 8)).toEqual({ start: 4, query: "tha" });
    expect(findSlashTrigger("Hi\n/thank you", 13)).toEqual({ start: 3, query: "thank you" });
    // The caret decides: text after it is not part of the query.
    expect(findSlashTrigger("/thank you", 3)).toEqual({ start: 0, query: "th" });
  });

  it("is not a slash inside a word or a URL, on an earlier line, or far back", () => {
    expect(findSlashTrigger("and/or", 6)).toBeNull();
    expect(findSlashTrigger("see https://example.com", 23)).toBeNull();
    expect(findSlashTrigger("/thanks\nmore", 12)).toBeNull();
    expect(findSlashTrigger(`/${"x".repeat(41)}`, 42)).toBeNull();
    expect(findSlashTrigger(`/${"x".repeat(40)}`, 41)).not.toBeNull();
    expect(findSlashTrigger("no slash", 8)).toBeNull();
    expect(findSlashTrigger("", 0)).toBeNull();
  });
});

describe("matching saved replies", () => {
  const replies = [
    { name: "Business hours", body: "We are open 9 to 5, thank you for asking." },
    { name: "Refund policy", body: "Refunds within 30 days." },
    { name: "Say thanks", body: "Many thanks, {{contact.first_name}}!" },
    { name: "Thank you", body: "Thank you for your message." },
  ];
  const names = (query: string) => matchSavedReplies(replies, query).map((reply) => reply.name);

  it("lists everything for an empty query, in the given order", () => {
    expect(names("")).toEqual(replies.map((reply) => reply.name));
    expect(names("  ")).toEqual(replies.map((reply) => reply.name));
  });

  it("puts names starting with the query first, then names containing it, then texts", () => {
    expect(names("thank")).toEqual(["Thank you", "Say thanks", "Business hours"]);
    expect(names("THANK YOU")).toEqual(["Thank you", "Business hours"]);
  });

  it("needs every word, in the name or the text", () => {
    expect(names("refund days")).toEqual(["Refund policy"]);
    expect(names("refund weeks")).toEqual([]);
    expect(names("first_name")).toEqual(["Say thanks"]);
  });
});
