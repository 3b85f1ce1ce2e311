import { describe, expect, it } from "vitest";
import { assignOnReply, planChange, snoozePresets, wakeFromSnooze, type WorkflowState } from "./workflow";

const now = new Date("2026-11-30T15:00:00Z");
const open: WorkflowState = { status: "open", assigneeId: null, snoozedUntil: null };
const inTwoHours = new Date(now.getTime() + 2 * 3_600_000);

describe("planChange", () => {
  it("closes an open conversation and records it", () => {
    expect(planChange(open, { status: "closed" }, now)).toEqual({
      ok: true,
      next: { status: "closed", assigneeId: null, snoozedUntil: null },
      activity: [{ kind: "closed" }],
    });
  });

  it("reopens a closed one, and asking for what already is records nothing", () => {
    const closed: WorkflowState = { ...open, status: "closed" };
    expect(planChange(closed, { status: "open" }, now)).toMatchObject({ activity: [{ kind: "reopened" }] });
    expect(planChange(closed, { status: "closed" }, now)).toEqual({ ok: true, next: closed, activity: [] });
    expect(planChange(open, { assigneeId: null }, now)).toEqual({ ok: true, next: open, activity: [] });
  });

  it("assigns, reassigns and unassigns, before the status change", () => {
    expect(planChange(open, { assigneeId: "b", status: "closed" }, now)).toMatchObject({
      next: { assigneeId: "b", status: "closed" },
      activity: [{ kind: "assigned", assigneeId: "b" }, { kind: "closed" }],
    });
    expect(planChange({ ...open, assigneeId: "b" }, { assigneeId: null }, now)).toMatchObject({
      next: { assigneeId: null },
      activity: [{ kind: "unassigned" }],
    });
  });

  it("snoozes until a time in the future, within a year", () => {
    expect(planChange(open, { status: "snoozed", snoozedUntil: inTwoHours }, now)).toMatchObject({
      next: { status: "snoozed", snoozedUntil: inTwoHours },
      activity: [{ kind: "snoozed", snoozedUntil: inTwoHours }],
    });
    expect(planChange(open, { status: "snoozed" }, now)).toEqual({
      ok: false,
      problem: "snoozedUntil: say until when to snooze.",
    });
    expect(planChange(open, { status: "snoozed", snoozedUntil: new Date(now.getTime() - 1) }, now).ok).toBe(false);
    const tooFar = new Date(now.getTime() + 400 * 86_400_000);
    expect(planChange(open, { status: "snoozed", snoozedUntil: tooFar }, now)).toEqual({
      ok: false,
      problem: "snoozedUntil: snooze for at most a year.",
    });
    expect(planChange(open, { status: "closed", snoozedUntil: inTwoHours }, now).ok).toBe(false);
  });

  it("a shorter minimum lets tests snooze for seconds", () => {
    const soon = new Date(now.getTime() + 5_000);
    expect(planChange(open, { status: "snoozed", snoozedUntil: soon }, now).ok).toBe(false);
    expect(planChange(open, { status: "snoozed", snoozedUntil: soon }, now, 1_000).ok).toBe(true);
  });

  it("re-snoozing to a new time records it; reopening a snoozed one clears the time", () => {
    const snoozed: WorkflowState = { ...open, status: "snoozed", snoozedUntil: inTwoHours };
    const later = new Date(inTwoHours.getTime() + 3_600_000);
    expect(planChange(snoozed, { status: "snoozed", snoozedUntil: later }, now)).toMatchObject({
      activity: [{ kind: "snoozed", snoozedUntil: later }],
    });
    expect(planChange(snoozed, { status: "snoozed", snoozedUntil: inTwoHours }, now)).toMatchObject({ activity: [] });
    expect(planChange(snoozed, { status: "open" }, now)).toMatchObject({
      next: { status: "open", snoozedUntil: null },
      activity: [{ kind: "reopened" }],
    });
  });
});

describe("assignOnReply", () => {
  it("makes the replying agent the assignee of an unassigned conversation only", () => {
    expect(assignOnReply({ assigneeId: null }, "a")).toEqual({ kind: "assigned", assigneeId: "a", reason: "reply" });
    expect(assignOnReply({ assigneeId: "b" }, "a")).toBeNull();
  });
});

describe("wakeFromSnooze", () => {
  it("reopens only the snooze the job was scheduled for", () => {
    const snoozed: WorkflowState = { ...open, status: "snoozed", snoozedUntil: inTwoHours };
    expect(wakeFromSnooze(snoozed, inTwoHours)).toEqual({ kind: "reopened", reason: "snooze ended" });
    expect(wakeFromSnooze(snoozed, new Date(inTwoHours.getTime() - 60_000))).toBeNull();
    expect(wakeFromSnooze({ ...open, status: "open" }, inTwoHours)).toBeNull();
    expect(wakeFromSnooze({ ...open, status: "closed" }, inTwoHours)).toBeNull();
  });
});

describe("snoozePresets", () => {
  it("offers later today, tomorrow at nine and next Monday at nine, in local time", () => {
    const monday = new Date(2026, 10, 30, 14, 30); // Monday 30 November, 14:30 local
    const [later, tomorrow, nextWeek] = snoozePresets(monday);
    expect(later?.until).toEqual(new Date(2026, 10, 30, 17, 30));
    expect(tomorrow?.until).toEqual(new Date(2026, 11, 1, 9, 0));
    expect(nextWeek?.until).toEqual(new Date(2026, 11, 7, 9, 0));
    const sunday = new Date(2026, 11, 6, 20, 0);
    expect(snoozePresets(sunday)[2]?.until).toEqual(new Date(2026, 11, 7, 9, 0));
    expect(snoozePresets(monday).map((preset) => preset.label)).toEqual([
      "Later today",
      "Tomorrow morning",
      "Next week",
    ]);
  });

  it("says what a preset means late in the evening and in the small hours", () => {
    const evening = new Date(2026, 10, 30, 22, 47);
    const [inThreeHours, tomorrow] = snoozePresets(evening);
    expect(inThreeHours).toMatchObject({ label: "In 3 hours", until: new Date(2026, 11, 1, 1, 47) });
    expect(tomorrow).toMatchObject({ label: "Tomorrow morning", until: new Date(2026, 11, 1, 9, 0) });
    const night = new Date(2026, 11, 1, 2, 15);
    expect(snoozePresets(night)[1]).toMatchObject({ label: "This morning", until: new Date(2026, 11, 1, 9, 0) });
  });
});
