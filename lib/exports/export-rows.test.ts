import { describe, expect, it } from "vitest";
import { authorOf, csvRecord, messageExport, type ExportMessageRow } from "./export-rows";

const row = (overrides: Partial<ExportMessageRow> = {}): ExportMessageRow => ({
  id: "m1",
  conversationId: "c1",
  ourNumber: "+19195550100",
  direction: "OUTBOUND",
  origin: "SWITCHBOARD",
  fromOurLine: false,
  missedCallback: false,
  createdAt: "2026-12-01T10:00:00.000Z",
  messageTime: null,
  from: "+19195550100",
  to: ["+15550100001"],
  text: "hello",
  segmentCount: 1,
  status: "delivered",
  errorDetail: null,
  authorName: "Sam",
  recipients: [],
  media: [],
  ...overrides,
});

describe("export rows", () => {
  it("names who wrote a message", () => {
    expect(authorOf(row())).toBe("Sam");
    expect(authorOf(row({ origin: "AUTOMATIC", authorName: null }))).toBe("Automatic");
    expect(authorOf(row({ origin: "EXTERNAL", authorName: null }))).toBe("Sent outside Switchboard");
    expect(authorOf(row({ authorName: null }))).toBe("A former teammate");
    expect(authorOf(row({ direction: "INBOUND" }))).toBeNull();
  });

  it("keeps numbers and times as they are in CSV and makes free text formula-safe", () => {
    const line = csvRecord(
      messageExport(row({ text: "@cmd|' /C calc'!A0", authorName: "=HYPERLINK(1)" }), "https://x"),
    );
    expect(line).toBe(
      "m1,c1,2026-12-01T10:00:00.000Z,,+19195550100,OUTBOUND,SWITCHBOARD,+19195550100,+15550100001,'=HYPERLINK(1),'@cmd|' /C calc'!A0,1,delivered,,,,\r\n",
    );
  });

  it("leaves out files that are not stored from the links, and the SMIL part altogether", () => {
    const file = {
      contentType: "image/png",
      size: 1,
      statusDetail: null,
      width: null,
      height: null,
      hasThumbnail: false,
    };
    const exported = messageExport(
      row({
        media: [
          { id: "f1", fileName: "a.png", status: "stored", ...file },
          { id: "f2", fileName: "b.png", status: "pending", ...file },
          { id: "f3", fileName: "smil.xml", status: "stored", ...file, contentType: "application/smil" },
        ],
      }),
      "https://x",
    );
    expect(exported.media.map((media) => [media.fileName, media.url])).toEqual([
      ["a.png", "https://x/api/media/f1"],
      ["b.png", null],
    ]);
    expect(csvRecord(exported).endsWith(",a.png; b.png,https://x/api/media/f1\r\n")).toBe(true);
  });
});
