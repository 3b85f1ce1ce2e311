import { afterEach, describe, expect, it } from "vitest";
import { schemaProblems } from "../testing/openapi";
import {
  ACCOUNT,
  APPLICATION,
  CALLBACK_CREDENTIALS,
  OUR_NUMBER,
  SECOND_NUMBER,
  settle,
  startReceiver,
  startSandbox,
  waitFor,
} from "../testing/harness";

// Bandwidth's 24 hours last 3 s of real time at this scale.
const DAY_IN_3S = (24 * 3_600_000) / 3_000;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(answer?: Parameters<typeof startReceiver>[0], overrides: Parameters<typeof startSandbox>[0] = {}) {
  const receiver = await startReceiver(answer);
  const harness = await startSandbox({
    timeScale: DAY_IN_3S,
    minimumTimeoutMs: 200,
    statusCallbackUrl: receiver.url,
    inboundCallbackUrl: receiver.url,
    callbackUsername: CALLBACK_CREDENTIALS.username,
    callbackPassword: CALLBACK_CREDENTIALS.password,
    ...overrides,
  });
  cleanups.push(
    () => receiver.close(),
    () => harness.sandbox.close(),
  );
  const send = (to: string[], extra: Record<string, unknown> = {}) =>
    settle(
      harness.sdk().messages.createMessage(ACCOUNT, {
        applicationId: APPLICATION,
        from: OUR_NUMBER,
        to,
        text: "hello",
        ...extra,
      } as never),
    );
  const faults = (body: Record<string, unknown>) =>
    fetch(`${harness.url}/sandbox/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  return { receiver, harness, send, faults };
}

const types = (events: Array<Record<string, unknown>>, recipient?: string) =>
  events.filter((event) => !recipient || event.to === recipient).map((event) => event.type);

describe("status callbacks", () => {
  it("posts sent then delivered for an SMS, as JSON arrays with the application's credentials", async () => {
    const { receiver, send } = await setup();
    const { data } = await send(["+15555550001"], { tag: "our-message-id" });
    await waitFor(() => receiver.events().length === 2, 5_000, "two callbacks");
    expect(types(receiver.events())).toEqual(["message-sent", "message-delivered"]);
    for (const { headers, body } of receiver.received) {
      expect(Array.isArray(body)).toBe(true);
      expect(headers["user-agent"]).toBe("BandwidthAPI/v2");
      expect(headers["content-type"]).toBe("application/json");
      expect(headers.authorization).toBe(
        `Basic ${Buffer.from(`${CALLBACK_CREDENTIALS.username}:${CALLBACK_CREDENTIALS.password}`).toString("base64")}`,
      );
    }
    for (const event of receiver.events()) {
      expect(schemaProblems("callback", event)).toEqual([]);
      expect(event).toMatchObject({
        to: "+15555550001",
        message: { id: (data as { id: string }).id, tag: "our-message-id", owner: OUR_NUMBER, direction: "out" },
      });
    }
  });

  it("fails an MMS with 4410 when its sandbox media was never uploaded, and delivers it once it is", async () => {
    const { receiver, harness, send } = await setup();
    const url = `${harness.url}/api/v2/users/${ACCOUNT}/media/card.png`;
    await send(["+15555550011"], { media: [url] });
    await waitFor(() => receiver.events().some((event) => event.type === "message-failed"), 5_000, "the failure");
    expect(receiver.events().find((event) => event.type === "message-failed")).toMatchObject({
      errorCode: 4410,
      description: "media-unavailable",
    });

    await settle(harness.sdk().media.uploadMedia(ACCOUNT, "card.png", Buffer.from([0x89, 0x50]) as never, "image/png"));
    await send(["+15555550012"], { media: [url] });
    await waitFor(
      () => receiver.events().some((event) => event.to === "+15555550012" && event.type === "message-delivered"),
      5_000,
      "the delivery",
    );
  });

  it("reports each group recipient separately, failing test numbers with their code", async () => {
    const { receiver, send } = await setup();
    await send(["+15555550001", "+15555550002", "+15555554432"]);
    await waitFor(() => receiver.events().length === 9, 5_000, "nine callbacks");
    expect(types(receiver.events(), "+15555550001")).toEqual(["message-sending", "message-sent", "message-delivered"]);
    expect(types(receiver.events(), "+15555550002")).toEqual(["message-sending", "message-sent", "message-delivered"]);
    expect(types(receiver.events(), "+15555554432")).toEqual(["message-sending", "message-sent", "message-failed"]);
    const failed = receiver.events().find((event) => event.type === "message-failed");
    expect(failed).toMatchObject({ errorCode: 4432, description: "rejected-forbidden-country" });
    for (const event of receiver.events()) expect(schemaProblems("callback", event)).toEqual([]);
  });

  it("retries until a 2xx, counting a slow answer as a failure", async () => {
    // 1st: 500, 2nd: too slow (over the 200 ms floor of the scaled 10 s), 3rd: 503, then 200.
    const { receiver, send, harness } = await setup((index) =>
      index === 0 ? 500 : index === 1 ? [200, 400] : index === 2 ? 503 : 200,
    );
    await send(["+15555550001"], { text: "retry me" });
    await waitFor(
      () => harness.sandbox.dispatcher.deliveries.filter((d) => d.state === "delivered").length === 2,
      5_000,
      "both events delivered",
    );
    const attempts = harness.sandbox.dispatcher.deliveries.flatMap((delivery) => delivery.attempts);
    expect(attempts.map((attempt) => attempt.status)).toContain(500);
    expect(attempts.some((attempt) => attempt.error?.includes("no answer"))).toBe(true);
    expect(receiver.received.length).toBeGreaterThanOrEqual(5);
  });

  it("gives up after 24 hours (scaled) of failures", async () => {
    const { send, harness } = await setup(() => 500);
    const started = Date.now();
    await send(["+15555550001"]);
    await waitFor(
      () =>
        harness.sandbox.dispatcher.deliveries.every((d) => d.state === "gave-up") &&
        harness.sandbox.dispatcher.deliveries.length === 2,
      8_000,
      "giving up",
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    const [delivery] = harness.sandbox.dispatcher.deliveries;
    expect(delivery?.attempts.length).toBeGreaterThan(10);
  }, 15_000);

  it("duplicates every callback and shuffles a message's events when asked", { timeout: 15_000 }, async () => {
    const { receiver, send, faults } = await setup(undefined, { timeScale: 1000, minimumTimeoutMs: 5_000 });
    await faults({ duplicates: 4, shuffle: true });
    // 20 messages so that a shuffled order is all but certain to show up.
    for (let index = 0; index < 20; index += 1) await send([`+1555555100${String(index).padStart(2, "0")}`]);
    await waitFor(
      () => receiver.events().length >= 20 * 2 * 5,
      10_000,
      `200 callbacks (have ${receiver.events().length})`,
    );
    const byRecipient = new Map<string, string[]>();
    for (const event of receiver.events())
      byRecipient.set(event.to as string, [...(byRecipient.get(event.to as string) ?? []), event.type as string]);
    for (const sequence of byRecipient.values()) {
      expect(sequence.filter((type) => type === "message-sent")).toHaveLength(5);
      expect(sequence.filter((type) => type === "message-delivered")).toHaveLength(5);
    }
    const finalBeforeSent = [...byRecipient.values()].some(
      (sequence) => sequence.indexOf("message-delivered") < sequence.indexOf("message-sent"),
    );
    expect(finalBeforeSent).toBe(true);
  });

  it("retries deliveries that the fault injection drops", async () => {
    const { receiver, send, faults, harness } = await setup();
    await faults({ callbackFailureRate: 0.5 });
    for (let index = 0; index < 5; index += 1) await send([`+1555555200${index}`]);
    await waitFor(() => receiver.events().length === 10, 5_000, "every event eventually");
    const injected = harness.sandbox.dispatcher.deliveries
      .flatMap((d) => d.attempts)
      .filter((a) => a.error?.includes("injected"));
    expect(injected.length).toBeGreaterThan(0);
  });
});

describe("a customer texting in", () => {
  it("sends one message-received per of our numbers in a group MMS, with media behind Bearer auth", async () => {
    const { receiver, harness } = await setup();
    const response = await fetch(`${harness.url}/sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        from: "+15555550009",
        to: [OUR_NUMBER, SECOND_NUMBER, "+15555550010"],
        text: "Photos of the damage",
        media: [
          { filename: "front.jpg", contentType: "image/jpeg", base64: Buffer.from("jpeg-bytes").toString("base64") },
        ],
      }),
    });
    expect(response.status).toBe(202);
    await waitFor(() => receiver.events().length === 2, 5_000, "two inbound callbacks");
    const events = receiver.events();
    expect(events.map((event) => event.to).sort()).toEqual([OUR_NUMBER, SECOND_NUMBER].sort());
    const ids = new Set(events.map((event) => (event.message as { id: string }).id));
    expect(ids.size).toBe(2);
    for (const event of events) {
      expect(schemaProblems("callback", event)).toEqual([]);
      const message = event.message as {
        owner: string;
        to: string[];
        from: string;
        media: string[];
        direction: string;
        segmentCount: number;
      };
      expect(message).toMatchObject({
        owner: event.to,
        from: "+15555550009",
        direction: "in",
        segmentCount: 1,
        to: [OUR_NUMBER, SECOND_NUMBER, "+15555550010"],
      });
      const [url] = message.media;
      expect(url).toMatch(new RegExp(`/api/v2/users/${ACCOUNT}/media/\\d{13}[a-z0-9]{16}/0/front.jpg$`));
      expect((await fetch(url ?? "")).status).toBe(401);
      const file = await fetch(url ?? "", { headers: await harness.bearer() });
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).toString()).toBe("jpeg-bytes");
    }
  });

  it("delivers a group text one of our numbers sends to another of ours as a message-received", async () => {
    const { receiver, send } = await setup();
    const { status } = await send([SECOND_NUMBER, "+15555550011"], { text: "Both lines see this" });
    expect(status).toBe(202);
    await waitFor(
      () => receiver.events().some((event) => event.type === "message-received"),
      5_000,
      "the copy for our second number",
    );
    const received = receiver.events().filter((event) => event.type === "message-received");
    expect(received).toHaveLength(1);
    expect(schemaProblems("callback", received[0])).toEqual([]);
    expect(received[0]).toMatchObject({
      to: SECOND_NUMBER,
      message: { owner: SECOND_NUMBER, from: OUR_NUMBER, direction: "in", text: "Both lines see this" },
    });
    expect((received[0]?.message as { to: string[] }).to).toEqual([SECOND_NUMBER, "+15555550011"]);
  });

  it("refuses bad input in Bandwidth's error shape", async () => {
    const { harness } = await setup();
    const post = (body: unknown) =>
      fetch(`${harness.url}/sandbox/inbound`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    const notOurs = await post({ from: "+15555550009", to: ["+15555550010"], text: "hi" });
    expect(notOurs.status).toBe(400);
    expect(await notOurs.json()).toMatchObject({ type: "request-validation", fieldErrors: [{ fieldName: "to" }] });
    const empty = await post({ from: "+15555550009", to: [OUR_NUMBER] });
    expect(await empty.json()).toMatchObject({ fieldErrors: [{ fieldName: "text" }] });
    const broken = await post("{");
    expect(broken.status).toBe(400);
    const faults = await fetch(`${harness.url}/sandbox/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ duplicates: -1, nonsense: true }),
    });
    expect(faults.status).toBe(400);
  });
});
