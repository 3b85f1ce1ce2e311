// For the media database tests: pictures made on the fly, media kept in PostgreSQL, and helpers
// bound to the current test's sandbox and agent.
import sharp from "sharp";
import type { CurrentUser } from "@/lib/auth/session";
import type { MessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, testPool } from "@/lib/testing/test-database";
import { serveMedia } from "./serve-media";
import { postgresStore } from "./storage";

export const storage = { configured: postgresStore, s3: null };

export const png = (width: number, height: number, colour = "#2563eb") =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

/** `current` is what `setUpMessagingFixture()` returned: it gives the running test's fixture. */
export function mediaTestHelpers(current: () => MessagingFixture) {
  const sandbox = (path: string, init?: RequestInit) =>
    fetch(`${current().url}${path}`, init).then(async (response) => ({
      status: response.status,
      body: await response.json(),
    }));

  const agent = (): CurrentUser => current().agent;
  const serve = (
    id: string,
    variant: "original" | "thumbnail" = "original",
    request: { range?: string; ifNoneMatch?: string } = {},
  ) =>
    serveMedia({ database: testDb(), pool: testPool(), storage }, agent(), id, variant, {
      range: request.range ?? null,
      ifNoneMatch: request.ifNoneMatch ?? null,
    });

  return { sandbox, agent, serve };
}
