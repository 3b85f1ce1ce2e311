import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { sandbox, SANDBOX_URL, SUPPORT_LINE } from "./sandbox";

// Shared by the consent specs: the sandbox phone, the inbox's consent controls, the API's refusal.

// Consent (issue 15): STOP, START and HELP from the sandbox phone, the inbox's banner and closed
// composer, the send refused (422 opted_out), groups sent without the one who opted out, toll-free
// (Bandwidth answers), the admin list with CSV export and import, and the settings' replies.

export const TOLL_FREE_LINE = "+18885550100";

/** +15551234567 → (555) 123-4567, as the inbox shows numbers. */
export const shown = (number: string) => `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`;

type PhoneRecord = { message: { direction: string; from: string; to: string[]; text: string } };

/** What the customer's phone received (the sandbox's messages to that number), oldest first. */
export async function received(number: string): Promise<string[]> {
  const { body } = await sandbox(`/sandbox/messages?number=${encodeURIComponent(number)}`);
  return (body as PhoneRecord[])
    .filter(({ message }) => message.direction === "out" && message.to.includes(number))
    .map(({ message }) => message.text);
}

export const inbound = (from: string, text: string, to: string[] = [SUPPORT_LINE]) =>
  sandbox("/sandbox/inbound", { body: { from, to, text } });

/** The sandbox's phone page, as `me`, texting `ours` only. */
export async function openPhone(context: BrowserContext, me: string, ours: string): Promise<Page> {
  const phone = await context.newPage();
  await phone.goto(`${SANDBOX_URL}/`);
  await phone.locator("#customer").fill(me);
  await phone.locator("#customer").dispatchEvent("change");
  for (const box of await phone.locator("input[name=ours]").all()) await box.uncheck();
  await phone.locator(`input[name=ours][value="${ours}"]`).check();
  return phone;
}

export async function textFromPhone(phone: Page, text: string) {
  await phone.locator("#text").fill(text);
  await phone.locator("#send").click();
  await expect(phone.locator("#text")).toHaveValue("");
}

export const conversationLink = (page: Page, text: string | RegExp) =>
  page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text });

export const composer = (page: Page) => page.getByRole("textbox", { name: "Message", exact: true });
export const banner = (page: Page) => page.getByTestId("opt-out-banner");

export async function sendThroughApi(
  request: APIRequestContext,
  to: string | string[],
  text: string,
  from = SUPPORT_LINE,
) {
  return request.post("/api/messages", { data: { from, to, text } });
}

/** A 422 opted_out, whichever way the error is nested; the numbers it names. */
export async function expectOptedOutRefusal(
  response: Awaited<ReturnType<APIRequestContext["post"]>>,
  numbers: string[],
) {
  const text = await response.text();
  expect(response.status(), text).toBe(422);
  const body = JSON.parse(text) as {
    error: string | { code: string; message: string; details?: { optedOut?: Array<{ phoneNumber: string }> } };
    message?: string;
    optedOut?: Array<{ phoneNumber: string }>;
  };
  const code = typeof body.error === "string" ? body.error : body.error.code;
  expect(code).toBe("opted_out");
  const optedOut = body.optedOut ?? (typeof body.error === "string" ? [] : (body.error.details?.optedOut ?? []));
  expect(optedOut.map((view) => view.phoneNumber).sort()).toEqual([...numbers].sort());
  return typeof body.error === "string" ? (body.message ?? "") : body.error.message;
}

export async function expectNoSideScroll(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(0);
}
