import { isStillActive, requireApiUser } from "@/lib/auth/session";
import { visibleNotices } from "@/lib/conversations/visible-notices";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { changeEventStream } from "@/lib/realtime/event-stream";

export const dynamic = "force-dynamic";

/** Live change notices for the signed-in user (Server-Sent Events). */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  return new Response(
    changeEventStream(
      request.signal,
      () => isStillActive(user.id),
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
