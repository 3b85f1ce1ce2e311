import { describe, expect, it } from "vitest";
import { classifyKeyword, mayBeStopRequest } from "./consent-keywords";

describe("classifyKeyword", () => {
  it.each([
    ["STOP", "opt_out"],
    ["stop", "opt_out"],
    ["Stop.", "opt_out"],
    ["STOP!", "opt_out"],
    [" stop ", "opt_out"],
    ["\n\tStop!!!\n", "opt_out"],
    ["¡STOP!", "opt_out"],
    ['"stop"', "opt_out"],
    ["STOP 🛑", "opt_out"],
    ["🛑STOP🛑", "opt_out"],
    ["STOP ❤️", "opt_out"],
    ["stopall", "opt_out"],
    ["Unsubscribe", "opt_out"],
    ["cancel", "opt_out"],
    ["END", "opt_out"],
    ["quit", "opt_out"],
    ["Revoke", "opt_out"],
    ["opt out", "opt_out"],
    ["OPT  OUT", "opt_out"],
    ["opt-out", "opt_out"],
    ["OptOut", "opt_out"],
    ["START", "opt_in"],
    ["start.", "opt_in"],
    ["unstop", "opt_in"],
    ["HELP", "help"],
    ["help?", "help"],
    ["info", "help"],
    ["Info!", "help"],
  ])("%j → %s", (text, expected) => {
    expect(classifyKeyword(text)).toBe(expected);
  });

  it.each([
    "don't stop",
    "STOP STOP",
    "stopp",
    "Stopped",
    "stop it",
    "please stop",
    "st op",
    "S.T.O.P",
    "starts",
    "helpful",
    "information",
    "optout now",
    "",
    "   ",
    "!!!",
    "🛑",
  ])("%j is not a keyword", (text) => {
    expect(classifyKeyword(text)).toBeNull();
  });

  it("handles other languages' casing without crashing", () => {
    expect(classifyKeyword("ſtop")).toBe("opt_out"); // long s upper-cases to S
    expect(classifyKeyword("QUİT")).toBe("opt_out"); // Turkish dotted capital I
    expect(classifyKeyword("quıt")).toBe("opt_out"); // Turkish dotless i
    expect(classifyKeyword("ＳＴＯＰ")).toBe("opt_out"); // fullwidth
    expect(classifyKeyword("ﬆop")).toBe("opt_out"); // the "st" ligature
    expect(classifyKeyword("İNFO")).toBe("help");
    expect(classifyKeyword("СТОП")).toBeNull(); // Cyrillic: not a carrier keyword
    expect(classifyKeyword("STОP")).toBeNull(); // a Cyrillic О inside
    expect(classifyKeyword("\u0000stop\uFFFF")).toBeNull();
  });

  it("ignores absurdly long input", () => {
    expect(classifyKeyword(`${" ".repeat(10_000)}STOP`)).toBeNull();
    expect(classifyKeyword(null)).toBeNull();
    expect(classifyKeyword(undefined)).toBeNull();
  });
});

describe("mayBeStopRequest", () => {
  it.each([
    "please stop texting me",
    "STOP STOP",
    "don't stop",
    "Stop it!",
    "I want to unsubscribe",
    "how do I opt out?",
    "remove me from your list",
    "Don’t text me again",
    "do not text this number",
    "I quit",
  ])("%j may be a stop request", (text) => {
    expect(mayBeStopRequest(text)).toBe(true);
  });

  it.each([
    "STOP",
    "Stop.",
    "start",
    "Stopped by the store yesterday",
    "the bus stopped",
    "stopp",
    "I need to cancel my appointment",
    "see you at the end of the day",
    "thanks!",
    "",
    "🛑",
  ])("%j is not flagged", (text) => {
    expect(mayBeStopRequest(text)).toBe(false);
  });
});
