import { describe, expect, it } from "vitest";
import { tokenizeMessage } from "./message-links";

const links = (text: string) => tokenizeMessage(text).filter((token) => token.kind !== "text");

describe("links in message text", () => {
  it("makes http(s) URLs links, without the sentence's punctuation", () => {
    expect(tokenizeMessage("Track it at https://example.com/track?id=42. Thanks!")).toEqual([
      { kind: "text", text: "Track it at " },
      { kind: "url", text: "https://example.com/track?id=42", href: "https://example.com/track?id=42" },
      { kind: "text", text: ". Thanks!" },
    ]);
    expect(links("(see http://example.com/a_(b))")).toEqual([
      { kind: "url", text: "http://example.com/a_(b)", href: "http://example.com/a_(b)" },
    ]);
    expect(links("(see http://example.com/a)")[0]).toMatchObject({ text: "http://example.com/a" });
  });

  it("makes North American phone numbers tel: links", () => {
    expect(links("Call (555) 123-4567 or +1 919 555 0100, or 555.123.4567")).toEqual([
      { kind: "phone", text: "(555) 123-4567", href: "tel:+15551234567" },
      { kind: "phone", text: "+1 919 555 0100", href: "tel:+19195550100" },
      { kind: "phone", text: "555.123.4567", href: "tel:+15551234567" },
    ]);
  });

  it("links nothing else", () => {
    for (const hostile of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "example.com and www.example.com",
      "file:///etc/passwd",
      "ftp://example.com",
      '<a href="javascript:alert(1)">x</a>',
      "tel:+15551234567",
      "order 12345678901234 and zip 27601",
      "https://",
      "http://user:secret@example.com/",
      "https://[::1",
    ]) {
      expect(
        links(hostile).filter((token) => token.kind === "url"),
        hostile,
      ).toEqual([]);
    }
    expect(links("order 12345678901234 and zip 27601")).toEqual([]);
  });

  it("keeps every character of the text, in order", () => {
    const text = 'a https://x.example/"onmouseover=alert(1) b <img src=x onerror=alert(1)> (555) 123-4567!';
    expect(
      tokenizeMessage(text)
        .map((token) => token.text)
        .join(""),
    ).toBe(text);
    expect(links(text)[0]).toMatchObject({ kind: "url", href: "https://x.example/" });
  });

  it("does not link a URL's own digits as a phone number", () => {
    expect(links("https://example.com/5551234567")).toEqual([
      { kind: "url", text: "https://example.com/5551234567", href: "https://example.com/5551234567" },
    ]);
  });
});
