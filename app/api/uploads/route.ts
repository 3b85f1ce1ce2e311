import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { readBodyBytes, route, searchParamsOf } from "@/lib/http";
import { mediaLimits, mediaStorage } from "@/lib/media/config";
import { formatBytes } from "@/lib/media/limits";
import { createUpload } from "@/lib/media/uploads";
import { uploadQuerySchema } from "@/lib/validations/media";

/** An attachment for a message about to be sent: the body is the file. Answers the draft's id. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const { name } = uploadQuerySchema.parse(searchParamsOf(request));
  const limits = mediaLimits();
  const bytes = await readBodyBytes(
    request,
    limits.maxFileBytes,
    `${name} is over ${formatBytes(limits.maxFileBytes)}, the most Bandwidth takes per file.`,
  );
  const upload = await createUpload({ database: db(), pool: pgPool(), storage: mediaStorage(), limits }, user, {
    name,
    declaredType: request.headers.get("content-type"),
    bytes,
  });
  return NextResponse.json({ upload }, { status: 201 });
});
