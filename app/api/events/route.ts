import { isSessionCurrent } from "@/lib/auth/account";
import { requireApiSession } from "@/lib/auth/session";
import { visibleNotices } from "@/lib/conversations/visible-notices";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { changeEventStream } from "@/lib/realtime/event-stream";

export const dynamic = "force-dynamic";

/** Live change notices for the signed-in user (Server-Sent Events). */
export const GET = route(async (request) => {
  const { user, sessionVersion } = await requireApiSession();
  return new Response(
    changeEventStream(
      request.signal,
      // Deactivation, sign-out elsewhere or a password change end the stream, not only deactivation.
      () => isSessionCurrent(db(), user.id, sessionVersion),
      (notices) => visibleNotices(db(), user, notices),
    ),
    {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      },
    },
  );
});
