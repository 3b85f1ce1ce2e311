import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Transcript } from "@/components/exports/transcript";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/errors";
import { viewTranscript } from "@/lib/exports/exports-store";
import { conversationIdParam } from "@/lib/validations/conversations";
import { transcriptQuery } from "@/lib/validations/exports";

export const metadata: Metadata = { title: "Transcript" };

type Props = {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A conversation on paper, for admins (agents: 403); every view is audited. `?tz=` the zone of the times. */
export default async function TranscriptPage({ params, searchParams }: Props) {
  const { conversationId } = await params;
  const user = await requirePageUser(`/conversations/${conversationId}/transcript`);
  if (!canAdminister(user)) forbidden();
  if (!conversationIdParam.safeParse(conversationId).success) notFound();
  const { tz } = transcriptQuery.parse(await searchParams);
  // Relative links: the page's files load with the session; a PDF of it makes them absolute.
  const data = await viewTranscript(db(), user, conversationId, "").catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  return <Transcript data={data} tz={tz} exportedBy={user.name} />;
}
