"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { failedConversationsTable } from "@/lib/client/delivery-tables";
import { reportSearch } from "@/lib/client/report-location";
import { useFailures } from "@/lib/client/reports";
import { useReportLocation } from "@/lib/client/use-report-location";
import type { ReportQuery } from "@/lib/validations/reports";
import { ReportTable } from "./report-table";

/** The drill page of an error code: the conversations it hit in the range, 50 at a time. */
export function FailuresView() {
  const params = useSearchParams();
  const code = Number(params.get("code"));
  const { location, query } = useReportLocation(true, "/reports/failures");
  if (!location || !query) return <p className="text-sm text-slate-600 dark:text-slate-300">Loading…</p>;
  const back = `/reports?${reportSearch({ ...location, section: "delivery" })}`;
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Link href={back} className="w-fit text-sm font-medium text-brand-700 hover:underline dark:text-sky-300">
        ← Delivery report
      </Link>
      {Number.isInteger(code) && params.get("code") ? (
        <FailedConversations query={{ ...query, code }} />
      ) : (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          No error code: open this page from a row of the delivery report.
        </p>
      )}
    </div>
  );
}

function FailedConversations({ query }: { query: ReportQuery & { code: number } }) {
  const failures = useFailures(query);
  const first = failures.data?.pages[0];
  if (!first) {
    return failures.error ? (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Could not load the conversations. {failures.error.message}
      </p>
    ) : (
      <p className="text-sm text-slate-600 dark:text-slate-300">Loading…</p>
    );
  }
  const conversations = (failures.data?.pages ?? []).flatMap((page) => page.conversations);
  const table = failedConversationsTable(query.code, conversations, query.tz);
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div>
        <h2 className="text-xl font-semibold">
          Error {first.code}
          {first.description ? (
            <span className="font-normal text-slate-600 dark:text-slate-300"> · {first.description}</span>
          ) : null}
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">{first.meaning}</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          {query.from === query.to ? query.from : `${query.from} to ${query.to}`}
          {query.number ? ` · ${query.number}` : " · all numbers"}
        </p>
      </div>
      <ReportTable
        table={table}
        range={query}
        empty="No conversation failed with this code in this range."
        stack
        linkHeader="Conversation"
        links={conversations.map((row) => ({
          href: `/conversations/${row.conversationId}`,
          text: "Open",
          label: `Open the conversation with ${row.participants.join(", ")}`,
        }))}
      />
      {failures.hasNextPage ? (
        <Button
          variant="secondary"
          className="w-fit"
          disabled={failures.isFetchingNextPage}
          onClick={() => void failures.fetchNextPage()}
        >
          {failures.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
