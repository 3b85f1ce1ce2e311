import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { exportBaseUrl } from "@/lib/exports/download";
import { exportConversationJson } from "@/lib/exports/exports-store";
import { route, uuidParam } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** One conversation as JSON (participants, messages, notes, activity), as a download; audited. */
export const GET = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No conversation with that id.");
  const file = await exportConversationJson(db(), admin, id, exportBaseUrl(request.url));
  return new Response(file.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
