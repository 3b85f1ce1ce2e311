import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { customer, sandbox, SUPPORT_LINE } from "./sandbox";
import { sql } from "./users";

// Shared by the team-inbox specs: conversations made from the sandbox, the workflow API, the views.
export type Counts = {
  mine: number;
  unassigned: number;
  open: number;
  snoozed: number;
  closed: number;
  needsYou: number;
};

/** A customer texts the support line: a new open, unassigned conversation; its id once stored. */
export async function newConversation(text: string, from = customer()): Promise<{ id: string; from: string }> {
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text } });
  let id = "";
  await expect
    .poll(
      async () => {
        const rows = await sql<{ id: string }>(
          "SELECT id::text FROM conversations WHERE owner_number = $1 AND participants_key = $2",
          [SUPPORT_LINE, from],
        );
        id = rows[0]?.id ?? "";
        return id;
      },
      { timeout: 10_000 },
    )
    .not.toBe("");
  return { id, from };
}

export async function userId(email: string): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id::text FROM users WHERE email = $1", [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function counts(request: APIRequestContext): Promise<Counts> {
  const response = await request.get("/api/conversations/counts");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { counts: Counts }).counts;
}

/** The workflow change through the API, as the page's signed-in agent. */
export async function change(request: APIRequestContext, id: string, body: object) {
  const response = await request.patch(`/api/conversations/${id}`, { data: body });
  expect(response.status(), await response.text()).toBe(200);
}

export const viewLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: new RegExp(`^${name} \\d+$`) });
export const list = (page: Page) => page.getByRole("list", { name: "Conversations" });
export const row = (page: Page, text: string) => list(page).getByRole("listitem").filter({ hasText: text });
export const announcer = (page: Page) =>
  page.getByRole("group", { name: "Conversation actions" }).locator("..").getByRole("status");

export async function expectCount(page: Page, view: string, count: number) {
  await expect(viewLink(page, view)).toHaveAccessibleName(`${view} ${count}`);
}

export async function expectNoSideScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
}

export function localTime(page: Page, aheadMs: number): Promise<string> {
  return page.evaluate((ahead) => {
    const at = new Date(Date.now() + ahead);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  }, aheadMs);
}
