import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNT,
  APPLICATION,
  CALLBACK_CREDENTIALS,
  control,
  OUR_NUMBER,
  settle,
  startReceiver,
  startSandbox,
  TOLL_FREE,
  waitFor,
} from "../testing/harness";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let harness: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  receiver = await startReceiver();
  harness = await startSandbox({
    timeScale: 1_000,
    minimumTimeoutMs: 200,
    statusCallbackUrl: receiver.url,
    inboundCallbackUrl: receiver.url,
    callbackUsername: CALLBACK_CREDENTIALS.username,
    callbackPassword: CALLBACK_CREDENTIALS.password,
  });
});
afterAll(async () => {
  await receiver.close();
  harness.sandbox.close();
});

const PHONE = "+15555551234";

const textIn = (to: string, text: string) =>
  control(harness.url, "POST", "/sandbox/inbound", { from: PHONE, to: [to], text });
const sendFrom = (from: string) =>
  settle(
    harness
      .sdk()
      .messages.createMessage(ACCOUNT, { applicationId: APPLICATION, from, to: [PHONE], text: "hi" } as never),
  );
const phoneThread = async () =>
  (await control(harness.url, "GET", `/sandbox/messages?number=${encodeURIComponent(PHONE)}`)).data.map(
    (record) => record.message as { from: string; to: string[]; text: string; direction: string },
  );
const finalStatus = (id: string) =>
  receiver
    .events()
    .find(
      (event) =>
        (event.message as { id: string }).id === id &&
        (event.type === "message-delivered" || event.type === "message-failed"),
    );

describe("toll-free opt-out, as Bandwidth enforces it", () => {
  it("answers STOP itself, fails later sends with 4775 until UNSTOP, and still delivers the STOP to the app", async () => {
    await textIn(TOLL_FREE, "Stop.");
    const thread = await phoneThread();
    expect(thread.at(-1)).toMatchObject({
      from: TOLL_FREE,
      to: [PHONE],
      direction: "out",
      text: expect.stringMatching(/STOP/),
    });
    await waitFor(
      () =>
        receiver
          .events()
          .some((event) => event.type === "message-received" && (event.message as { text: string }).text === "Stop."),
      5_000,
      "the STOP's callback",
    );

    const blocked = await sendFrom(TOLL_FREE);
    expect(blocked.status).toBe(202);
    const blockedId = (blocked.data as { id: string }).id;
    await waitFor(() => finalStatus(blockedId) !== undefined, 5_000, "the blocked send's final status");
    expect(finalStatus(blockedId)).toMatchObject({ type: "message-failed", errorCode: 4775 });

    // A local number is not blocked by Bandwidth (the app must do it).
    await textIn(OUR_NUMBER, "STOP");
    expect((await phoneThread()).at(-1)).toMatchObject({ from: PHONE, text: "STOP" });
    const local = await sendFrom(OUR_NUMBER);
    const localId = (local.data as { id: string }).id;
    await waitFor(() => finalStatus(localId) !== undefined, 5_000, "the local send's final status");
    expect(finalStatus(localId)).toMatchObject({ type: "message-delivered" });

    await textIn(TOLL_FREE, "unstop");
    expect((await phoneThread()).at(-1)).toMatchObject({
      from: TOLL_FREE,
      text: expect.stringMatching(/receiving messages again/),
    });
    const resumed = await sendFrom(TOLL_FREE);
    const resumedId = (resumed.data as { id: string }).id;
    await waitFor(() => finalStatus(resumedId) !== undefined, 5_000, "the resumed send's final status");
    expect(finalStatus(resumedId)).toMatchObject({ type: "message-delivered" });
  });
});
