// Shared by the inbox-review specs (issue 16): sends through the API, a picture, a page that has
// drawn its data, numbers as the inbox writes them.
import { expect, type Page } from "@playwright/test";
import sharp from "sharp";
import { SUPPORT_LINE } from "./sandbox";

export const PHONE = { width: 360, height: 780 };

/** A customer number the sandbox fails with this catalogue code (its last four digits). */
export const failingWith = (code: number) => `+1555${100 + Math.floor(Math.random() * 900)}${code}`;

type Sent = { message: { id: string; conversationId: string } };

export async function send(page: Page, body: object): Promise<Sent["message"]> {
  const response = await page.request.post("/api/messages", { data: { from: SUPPORT_LINE, ...body } });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as Sent).message;
}

export const picture = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: "#0f766e" } })
    .png()
    .toBuffer();

/** The page has drawn its data (the live connection never lets the network go idle). */
export async function settled(page: Page) {
  await expect(page.locator('nav[aria-label="Main"], h1').first()).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

export const format = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
