import { describe, expect, it } from "vitest";
import { gistWithoutText } from "./message-gist";

describe("what a message without text was", () => {
  it("names one attachment by its kind", () => {
    expect(gistWithoutText({ origin: "SWITCHBOARD", contentTypes: ["image/png"] })).toBe("Picture");
    expect(gistWithoutText({ origin: "SWITCHBOARD", contentTypes: ["video/mp4"] })).toBe("Video");
    expect(gistWithoutText({ origin: "SWITCHBOARD", contentTypes: ["application/pdf"] })).toBe("File");
    expect(gistWithoutText({ origin: "SWITCHBOARD", contentTypes: [null] })).toBe("File");
  });

  it("counts several, as files when their kinds differ", () => {
    expect(gistWithoutText({ origin: "SWITCHBOARD", contentTypes: ["image/png", "image/jpeg"] })).toBe("2 pictures");
    expect(gistWithoutText({ origin: "SWITCHBOARD", contentTypes: ["image/png", "application/pdf"] })).toBe("2 files");
  });

  it("says a message with nothing in it was sent outside Switchboard when it was", () => {
    expect(gistWithoutText({ origin: "EXTERNAL", contentTypes: [] })).toBe("No text — sent outside Switchboard");
    expect(gistWithoutText({ origin: "SWITCHBOARD", contentTypes: [] })).toBe("No text");
  });

  it("says a message known only from Bandwidth's records was missed", () => {
    expect(gistWithoutText({ origin: "SWITCHBOARD", contentTypes: [], missedCallback: true })).toBe(
      "Message missed — Bandwidth keeps no text",
    );
  });
});
