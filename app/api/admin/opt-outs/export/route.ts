import { requireApiAdmin } from "@/lib/auth/session";
import { exportOptOutsCsv } from "@/lib/contacts/consent-admin";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { optOutsAccountQuery } from "@/lib/validations/consent";

/** Every current opt-out (`?accountId=` for one account) as a CSV download. */
export const GET = route(async (request) => {
  const admin = await requireApiAdmin();
  const { accountId } = optOutsAccountQuery.parse(searchParamsOf(request));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(await exportOptOutsCsv(db(), admin, accountId), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="opt-outs-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
