import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, uuidParam } from "@/lib/http";
import { deleteUpload } from "@/lib/media/uploads";

type Context = { params: Promise<{ mediaId: string }> };

/** Removes one of the agent's unsent attachments (the composer's ×). */
export const DELETE = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  await deleteUpload(
    db(),
    user,
    uuidParam((await context.params).mediaId, "No unsent attachment of yours with that id."),
  );
  return new Response(null, { status: 204 });
});
