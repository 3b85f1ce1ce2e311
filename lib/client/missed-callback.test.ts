import { describe, expect, it } from "vitest";
import { missedCallbackNotice, statusSourceNote } from "./missed-callback";

describe("a message known only from Bandwidth's records", () => {
  it("says when it arrived, why there is no text, and what it was", () => {
    const now = new Date(2026, 11, 2, 16, 0);
    const { notice, details } = missedCallbackNotice(
      { arrivedAt: new Date(2026, 11, 1, 14, 2), segmentCount: 2, attachmentCount: 1 },
      now,
    );
    expect(notice).toBe(
      "A message arrived at Dec 1, 2:02 PM while Switchboard was not receiving callbacks. Bandwidth keeps no text — ask the customer to resend.",
    );
    expect(details).toBe("2 segments · 1 attachment");
    expect(
      missedCallbackNotice({ arrivedAt: new Date(2026, 11, 2, 14, 2), segmentCount: 1, attachmentCount: 0 }, now),
    ).toEqual({
      notice: expect.stringContaining("arrived at 2:02 PM while"),
      details: "1 segment · no attachments",
    });
  });

  it("marks statuses learned from the records, with the carrier", () => {
    expect(statusSourceNote([{ source: "callback", carrierName: null }])).toBeNull();
    expect(statusSourceNote([{ source: "records", carrierName: "Verizon Wireless" }])).toBe(
      "Status from Bandwidth's records (its callback never came) · carrier: Verizon Wireless",
    );
    expect(
      statusSourceNote([
        { source: "records", carrierName: null },
        { source: "callback", carrierName: null },
      ]),
    ).toBe("Status from Bandwidth's records for 1 of 2 recipients (its callback never came)");
  });
});
