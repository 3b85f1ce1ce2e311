import { isStillActive, requireApiUser } from "@/lib/auth/session";
import { route } from "@/lib/http";
import { changeEventStream } from "@/lib/realtime/event-stream";

export const dynamic = "force-dynamic";

/** Live change notices for the signed-in user (Server-Sent Events). */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  return new Response(
    changeEventStream(request.signal, () => isStillActive(user.id)),
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
