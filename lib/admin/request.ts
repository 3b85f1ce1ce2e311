import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http";

/** An id from the URL: anything but a UUID is simply not found. */
export async function idParam(context: { params: Promise<{ id: string }> }, what: string): Promise<string> {
  const parsed = z.uuid().safeParse((await context.params).id);
  if (!parsed.success) throw new HttpError(404, "not_found", `No ${what} with that id.`);
  return parsed.data;
}

/** The app's public URL, for the callback URLs admins paste into Bandwidth. */
export function publicAppUrl(request: Request): string {
  return env().NEXTAUTH_URL ?? new URL(request.url).origin;
}
