import { describe, expect, it } from "vitest";
import { checkAttachments, DEFAULT_MEDIA_LIMITS, fileProblem, isHiddenPart, mediaKind } from "./limits";

const photo = (size: number, name = "photo.jpg") => ({ name, size, type: "image/jpeg" });

describe("attachment limits", () => {
  it("defaults to Bandwidth's strictest documented values", () => {
    expect(DEFAULT_MEDIA_LIMITS).toEqual({
      maxFileBytes: 3_500_000,
      maxFiles: 10,
      warnTotalBytes: 500_000,
      tollFreeMaxTotalBytes: 525_000,
    });
  });

  it("refuses a file over the per-file limit, naming it and the limit", () => {
    expect(fileProblem(photo(3_600_000, "big.jpg"), DEFAULT_MEDIA_LIMITS)).toBe(
      "big.jpg is 3.6 MB; Bandwidth takes at most 3.5 MB per file.",
    );
  });

  it("refuses types MMS cannot carry or that run code", () => {
    expect(
      fileProblem({ name: "setup.exe", size: 10, type: "application/x-msdownload" }, DEFAULT_MEDIA_LIMITS),
    ).toContain("cannot be sent by MMS");
    expect(fileProblem({ name: "page.html", size: 10, type: "text/html" }, DEFAULT_MEDIA_LIMITS)).toContain(
      "cannot be sent by MMS",
    );
    expect(fileProblem({ name: "card.vcf", size: 10, type: "text/x-vcard" }, DEFAULT_MEDIA_LIMITS)).toBeNull();
  });

  it("refuses an 11th file", () => {
    const files = Array.from({ length: 11 }, (_, index) => photo(1000, `p${index}.jpg`));
    expect(checkAttachments(files, DEFAULT_MEDIA_LIMITS, { tollFree: false }).problems).toEqual([
      "At most 10 attachments per message (11 chosen).",
    ]);
  });

  it("warns above 500 KB in all, and refuses above 525 KB from toll-free", () => {
    const files = [photo(300_000, "a.jpg"), photo(240_000, "b.jpg")];
    expect(checkAttachments(files, DEFAULT_MEDIA_LIMITS, { tollFree: false })).toEqual({
      problems: [],
      warnings: ["540 KB of media: many carriers shrink or drop MMS above 500 KB."],
    });
    expect(checkAttachments(files, DEFAULT_MEDIA_LIMITS, { tollFree: true }).problems[0]).toContain("error 4411");
    expect(checkAttachments([photo(510_000)], DEFAULT_MEDIA_LIMITS, { tollFree: true })).toEqual({
      problems: [],
      warnings: ["510 KB of media: many carriers shrink or drop MMS above 500 KB."],
    });
  });

  it("hides SMIL and XML parts, by type or, before download, by name", () => {
    expect(isHiddenPart("0.smil", null)).toBe(true);
    expect(isHiddenPart("layout", "application/smil")).toBe(true);
    expect(isHiddenPart("data.xml", null)).toBe(true);
    expect(isHiddenPart("photo.jpg", "image/jpeg")).toBe(false);
  });

  it("sorts types into kinds", () => {
    expect([
      mediaKind("image/jpg"),
      mediaKind("video/mp4"),
      mediaKind("audio/amr"),
      mediaKind("text/vcard"),
      mediaKind("image/svg+xml"),
    ]).toEqual(["image", "video", "audio", "file", "file"]);
  });
});
