import { resolveAlert } from "@/lib/admin/alerts";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, uuidParam } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** An admin has dealt with the alert: it leaves the list (audited). */
export const POST = route<Context>(async (_request, context) => {
  const admin = await requireApiAdmin();
  await resolveAlert(db(), admin, uuidParam((await context.params).id, "No alert with that id."));
  return new Response(null, { status: 204 });
});
