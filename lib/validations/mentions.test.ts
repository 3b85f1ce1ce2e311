import { describe, expect, it } from "vitest";
import {
  insertMention,
  matchTeammates,
  mentionIdsFor,
  mentionQueryAt,
  mentionSegments,
  mentionedPeople,
} from "./mentions";

const sam = { id: "1", name: "Sam Agent" };
const samuel = { id: "2", name: "Sam" };
const avery = { id: "3", name: "Avery Admin" };
const team = [sam, samuel, avery];

describe("mentions in a note", () => {
  it("finds @Full Name at the start, after spaces or punctuation, whatever the case", () => {
    expect(mentionedPeople("@Sam Agent can you call back?", team)).toEqual([sam]);
    expect(mentionedPeople("Ask (@avery admin), then @SAM AGENT.", team)).toEqual([sam, avery]);
    expect(mentionedPeople("line one\n@Avery Admin: see above", team)).toEqual([avery]);
  });

  it("prefers the longer of two names that start alike, and finds the shorter one on its own", () => {
    expect(mentionedPeople("@Sam Agent please", team)).toEqual([sam]);
    expect(mentionedPeople("@Sam please", team)).toEqual([samuel]);
    expect(mentionedPeople("@Sam, @Sam Agent", team)).toEqual([sam, samuel]);
  });

  it("ignores an email address, a name inside a longer word, and names nobody has", () => {
    expect(mentionedPeople("write to sam@Sam Agent.example", team)).toEqual([]);
    expect(mentionedPeople("@Sammy and @Avery Admins", team)).toEqual([]);
    // The longer name does not fit, the shorter one does.
    expect(mentionedPeople("@Sam Agents", team)).toEqual([samuel]);
    expect(mentionedPeople("@Robin knows", team)).toEqual([]);
    expect(mentionedPeople("no mentions at all @", team)).toEqual([]);
  });

  it("returns everyone who shares a mentioned name", () => {
    const twin = { id: "4", name: "Sam Agent" };
    expect(mentionedPeople("@Sam Agent", [sam, twin])).toEqual([sam, twin]);
  });

  it("splits the text into plain pieces and mentions that join back into it", () => {
    const text = "Hi @sam agent, and @Avery Admin!";
    const segments = mentionSegments(
      text,
      team.map((person) => person.name),
    );
    expect(segments).toEqual([
      { text: "Hi ", mention: null },
      { text: "@sam agent", mention: "Sam Agent" },
      { text: ", and ", mention: null },
      { text: "@Avery Admin", mention: "Avery Admin" },
      { text: "!", mention: null },
    ]);
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
    expect(mentionSegments("", ["Sam"])).toEqual([]);
    expect(mentionSegments("@@Sam", ["Sam"])).toEqual([
      { text: "@", mention: null },
      { text: "@Sam", mention: "Sam" },
    ]);
  });
});

describe("the composer's @ autocomplete", () => {
  it("sees the mention being typed at the caret", () => {
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("Thanks @Sa", 10)).toEqual({ start: 7, query: "Sa" });
    expect(mentionQueryAt("Thanks @Sam Ag and more", 14)).toEqual({ start: 7, query: "Sam Ag" });
    expect(mentionQueryAt("line\n@av", 8)).toEqual({ start: 5, query: "av" });
  });

  it("is not in a mention inside a word, after a line break, a leading or a double space, or far away", () => {
    expect(mentionQueryAt("sam@exa", 7)).toBeNull();
    expect(mentionQueryAt("@Sam\nnext", 9)).toBeNull();
    expect(mentionQueryAt("@ Sam", 5)).toBeNull();
    expect(mentionQueryAt("@Sam  x", 7)).toBeNull();
    expect(mentionQueryAt(`@${"a".repeat(45)}`, 46)).toBeNull();
    expect(mentionQueryAt("no at sign", 5)).toBeNull();
  });

  it("offers names starting with the query first, then names with a word starting with it", () => {
    expect(matchTeammates(team, "sam")).toEqual([sam, samuel]);
    expect(matchTeammates(team, "ad")).toEqual([avery]);
    expect(matchTeammates(team, "")).toEqual(team);
    expect(matchTeammates(team, "", 2)).toEqual([sam, samuel]);
    expect(matchTeammates(team, "zz")).toEqual([]);
  });

  it("sends the ids of everyone named, and of namesakes only the one picked", () => {
    const twin = { id: "4", name: "Sam Agent" };
    const people = [sam, twin, avery];
    expect(mentionIdsFor("@Sam Agent and @Avery Admin", people, new Set())).toEqual(["1", "4", "3"]);
    expect(mentionIdsFor("@Sam Agent and @Avery Admin", people, new Set(["4"]))).toEqual(["4", "3"]);
    // Picked, then deleted from the text: not mentioned.
    expect(mentionIdsFor("never mind", people, new Set(["3"]))).toEqual([]);
  });

  it("inserts @Full Name and a space in place of what was typed, with the caret after it", () => {
    expect(insertMention("Hi @sa", 3, 6, "Sam Agent")).toEqual({ text: "Hi @Sam Agent ", caret: 14 });
    expect(insertMention("Hi @sa please", 3, 6, "Sam Agent")).toEqual({ text: "Hi @Sam Agent please", caret: 13 });
    expect(insertMention("@", 0, 1, "Avery Admin")).toEqual({ text: "@Avery Admin ", caret: 13 });
  });
});
