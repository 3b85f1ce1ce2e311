import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { route, uuidParam } from "@/lib/http";
import { mediaStorage } from "@/lib/media/config";
import { toResponse } from "@/lib/media/media-response";
import { serveMedia } from "@/lib/media/serve-media";

type Context = { params: Promise<{ mediaId: string }> };

/** A stored attachment, full size (ranges for audio and video seeking). Never Bandwidth's URL. */
export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser();
  const id = uuidParam((await context.params).mediaId, "No such file.");
  const headers = { range: request.headers.get("range"), ifNoneMatch: request.headers.get("if-none-match") };
  return toResponse(
    await serveMedia({ database: db(), pool: pgPool(), storage: mediaStorage() }, user, id, "original", headers),
  );
});
