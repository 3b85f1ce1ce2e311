import { describe, expect, it } from "vitest";
import { sniffContentType } from "./sniff";

const bytes = (...values: Array<number | string>) =>
  Uint8Array.from(
    values.flatMap((value) => (typeof value === "string" ? [...value].map((char) => char.charCodeAt(0)) : [value])),
  );

describe("sniffContentType", () => {
  it.each([
    ["image/jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ["image/png", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
    ["image/gif", bytes("GIF89a", 1, 0)],
    ["image/webp", bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 ")],
    ["audio/wav", bytes("RIFF", 0, 0, 0, 0, "WAVEfmt ")],
    ["video/mp4", bytes(0, 0, 0, 0x20, "ftypisom", 0, 0)],
    ["video/quicktime", bytes(0, 0, 0, 0x14, "ftypqt  ", 0, 0)],
    ["video/3gpp", bytes(0, 0, 0, 0x14, "ftyp3gp5", 0, 0)],
    ["image/heic", bytes(0, 0, 0, 0x18, "ftypheic", 0, 0)],
    ["audio/mp4", bytes(0, 0, 0, 0x20, "ftypM4A ", 0, 0)],
    ["audio/amr", bytes("#!AMR\n")],
    ["audio/mpeg", bytes("ID3", 3, 0)],
    ["application/pdf", bytes("%PDF-1.7\n")],
    ["text/vcard", bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n")],
    ["text/vcard", bytes(0xef, 0xbb, 0xbf, "begin:vcard\r\n")],
    ["text/calendar", bytes("BEGIN:VCALENDAR\r\n")],
    [
      "application/smil",
      bytes('<?xml version="1.0"?>\n<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 2.0//EN" "x">\n<smil><head/></smil>'),
    ],
    ["application/smil", bytes("<smil>\n<body></body></smil>")],
    ["text/xml", bytes('<?xml version="1.0"?><root/>')],
    ["text/html", bytes("<!DOCTYPE html><html>")],
    ["image/svg+xml", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["text/plain", Buffer.from("Hello, café ☕")],
  ])("%s", (type, input) => {
    expect(sniffContentType(input)).toBe(type);
  });

  it("does not believe a name: HTML saved as .jpg is HTML", () => {
    expect(sniffContentType(bytes("<html><script>alert(1)</script>"))).toBe("text/html");
  });

  it("does not call binary noise anything", () => {
    expect(sniffContentType(bytes(0x00, 0x01, 0x02, 0x03, 0xfe))).toBeNull();
  });

  it("keeps text whose 4096th byte cuts a character in two", () => {
    const text = Buffer.from(`${"a".repeat(4095)}é and more`);
    expect(sniffContentType(text)).toBe("text/plain");
  });
});
