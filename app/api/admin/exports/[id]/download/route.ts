import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { downloadExport } from "@/lib/exports/download";
import { route, uuidParam } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** The export's file, streamed as it is read, to the admin who created it; once (409 after). */
export const GET = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No export with that id.");
  const file = await downloadExport(db(), admin, id, request);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
