// Shared by the reports specs: sends through the API and their settling, a download's text, the
// page's sideways scroll.
import { expect, type APIRequestContext, type Download, type Page } from "@playwright/test";
import { SUPPORT_LINE } from "./sandbox";

export type Recipient = { phoneNumber: string; status: string };
export type Message = { id: string; conversationId: string; recipients: Recipient[] };

/** A customer number the sandbox fails with `code` (its last four digits), unique to this run. */
export function failingWith(code: number): string {
  return `+1555${100 + Math.floor(Math.random() * 900)}${code}`;
}

export async function send(request: APIRequestContext, to: string | string[], text: string): Promise<Message> {
  const response = await request.post("/api/messages", { data: { from: SUPPORT_LINE, to, text } });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as { message: Message }).message;
}

export async function settle(request: APIRequestContext, message: Message) {
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/conversations/${message.conversationId}/messages?limit=50`);
        const found = ((await response.json()) as { messages: Message[] }).messages.find((m) => m.id === message.id);
        return found?.recipients.every((r) => r.status === "delivered" || r.status === "failed") ?? false;
      },
      { timeout: 20_000, intervals: [200, 400, 800] },
    )
    .toBe(true);
}

export async function text(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
