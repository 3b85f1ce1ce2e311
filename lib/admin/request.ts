import "server-only";
import { env } from "@/lib/env";

/** The app's public URL, for the callback URLs admins paste into Bandwidth. */
export function publicAppUrl(request: Request): string {
  return env().NEXTAUTH_URL ?? new URL(request.url).origin;
}
