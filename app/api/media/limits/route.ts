import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { route } from "@/lib/http";
import { mediaLimits } from "@/lib/media/config";

/** The attachment limits in force, for the composer to check before uploading. */
export const GET = route(async () => {
  await requireApiUser();
  return NextResponse.json({ limits: mediaLimits() });
});
