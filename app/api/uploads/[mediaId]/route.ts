import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { HttpError, route } from "@/lib/http";
import { deleteUpload } from "@/lib/media/uploads";
import { mediaIdSchema } from "@/lib/validations/media";

type Context = { params: Promise<{ mediaId: string }> };

/** Removes one of the agent's unsent attachments (the composer's ×). */
export const DELETE = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  const id = mediaIdSchema.safeParse((await context.params).mediaId);
  if (!id.success) throw new HttpError(404, "not_found", "No unsent attachment of yours with that id.");
  await deleteUpload(db(), user, id.data);
  return new Response(null, { status: 204 });
});
