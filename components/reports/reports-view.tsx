"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { formatWhen } from "@/lib/client/format-time";
import { reportSearch, type ReportLocation, type ReportSection } from "@/lib/client/report-location";
import { useDeliveryReport, useRefreshReports, useTeamReport } from "@/lib/client/reports";
import { useReportLocation } from "@/lib/client/use-report-location";
import { DeliverySection } from "./delivery-section";
import { ReportControls } from "./report-controls";
import { TeamSection } from "./team-section";

/** The reports page: admins see Delivery and Team, agents the team section only (the API agrees). */
export function ReportsView({ isAdmin }: { isAdmin: boolean }) {
  const { location, query, today, update } = useReportLocation(isAdmin);
  const delivery = useDeliveryReport(
    query ?? EMPTY_QUERY,
    Boolean(query) && isAdmin && location?.section === "delivery",
  );
  const team = useTeamReport(query ?? EMPTY_QUERY, Boolean(query) && location?.section === "team");
  const refresh = useRefreshReports();
  if (!location || !today) return <p className="text-sm text-slate-600 dark:text-slate-300">Loading…</p>;
  const current = location.section === "delivery" ? delivery : team;
  const asOf = current.data?.asOf;
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <ReportControls key={`${location.from}/${location.to}`} location={location} today={today} onChange={update} />
      {isAdmin ? <SectionTabs location={location} /> : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
        <p role="status" aria-live="polite">
          {current.data
            ? asOf
              ? `Figures as of ${formatWhen(new Date(asOf))} (refreshed every minute).`
              : "Figures are not computed yet: they refresh every minute."
            : null}
        </p>
        {isAdmin ? (
          <Button
            variant="secondary"
            className="px-3 py-1"
            disabled={refresh.isPending}
            onClick={() => refresh.mutate()}
          >
            {refresh.isPending ? "Refreshing…" : "Refresh now"}
          </Button>
        ) : null}
        {refresh.error ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {refresh.error.message}
          </p>
        ) : null}
      </div>
      <div id="report" className="min-w-0" aria-busy={current.isFetching}>
        {location.section === "delivery" ? (
          <Loaded query={delivery} what="the delivery report">
            {(report) =>
              report.totals.messagesSent === 0 && report.totals.recipients === 0 ? (
                <EmptyState>
                  No messages were sent in this range{location.number ? " from this number" : ""}.
                </EmptyState>
              ) : (
                <DeliverySection report={report} location={location} />
              )
            }
          </Loaded>
        ) : (
          <Loaded query={team} what="the team report">
            {(report) =>
              report.volume.inbound === 0 && report.volume.outbound === 0 && report.timeToClose.count === 0 ? (
                <EmptyState>No messages in this range{location.number ? " on this number" : ""}.</EmptyState>
              ) : (
                <TeamSection report={report} location={location} />
              )
            }
          </Loaded>
        )}
      </div>
    </div>
  );
}

const EMPTY_QUERY = { from: "1970-01-01", to: "1970-01-01", tz: "UTC" };

function SectionTabs({ location }: { location: ReportLocation }) {
  const tab = (section: ReportSection, label: string) => {
    const active = location.section === section;
    return (
      <Link
        href={`/reports?${reportSearch({ ...location, section })}`}
        aria-current={active ? "page" : undefined}
        className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
      >
        {label}
      </Link>
    );
  };
  return (
    <nav aria-label="Report sections" className="flex gap-1 border-b border-slate-200 pb-2 dark:border-slate-800">
      {tab("delivery", "Delivery")}
      {tab("team", "Team")}
    </nav>
  );
}

function Loaded<T>({
  query,
  what,
  children,
}: {
  query: { data: T | undefined; error: Error | null; isPending: boolean; refetch: () => unknown };
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return children(query.data);
  if (query.error) {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 text-sm text-red-700 dark:text-red-300">
        <p>
          Could not load {what}. {query.error.message}
        </p>
        <Button variant="secondary" className="px-3 py-1" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  return <p className="text-sm text-slate-600 dark:text-slate-300">Loading {what}…</p>;
}

function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
      <p className="font-medium">{children}</p>
      <p className="mt-1">Choose a longer range or another number.</p>
    </div>
  );
}
