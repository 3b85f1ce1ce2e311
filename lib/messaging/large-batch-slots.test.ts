import { describe, expect, it } from "vitest";
import { Slots } from "./large-batch-slots";

describe("Slots", () => {
  it("lets `size` holders in and queues the rest in order", async () => {
    const slots = new Slots(2);
    const first = await slots.acquire();
    const second = await slots.acquire();
    const order: string[] = [];
    const third = slots.acquire().then((release) => (order.push("third"), release));
    const fourth = slots.acquire().then((release) => (order.push("fourth"), release));
    expect(slots.waiting).toBe(2);
    first();
    first(); // releasing twice frees one slot only
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(["third", "fourth"]);
    expect(slots.waiting).toBe(0);
  });

  it("gives up a wait when its signal aborts, with the signal's reason", async () => {
    const slots = new Slots(1);
    const held = await slots.acquire();
    const waiting = slots.acquire(AbortSignal.timeout(20));
    await expect(waiting).rejects.toMatchObject({ name: "TimeoutError" });
    expect(slots.waiting).toBe(0);
    held();
    (await slots.acquire())();
  });
});
