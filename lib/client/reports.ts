import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { DeliveryReport, FailuresPage, ReportQuery, TeamReport } from "@/lib/validations/reports";
import { fetchJson, sendJson } from "./query-client";
import { reportApiParams } from "./report-location";

// The reports' requests (issue 18). The rollups behind them refresh every minute, so the page asks
// again every 60 s and when the tab comes back, keeping the figures shown meanwhile.

export const reportKeys = {
  all: ["reports"] as const,
  delivery: (query: ReportQuery) => ["reports", "delivery", query] as const,
  team: (query: ReportQuery) => ["reports", "team", query] as const,
  failures: (query: ReportQuery & { code: number }) => ["reports", "failures", query] as const,
};

const LIVE = {
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
  staleTime: 30_000,
  placeholderData: keepPreviousData,
} as const;

export function useDeliveryReport(query: ReportQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.delivery(query),
    queryFn: ({ signal }) => fetchJson<DeliveryReport>(`/api/reports/delivery?${reportApiParams(query)}`, { signal }),
    enabled,
    ...LIVE,
  });
}

export function useTeamReport(query: ReportQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.team(query),
    queryFn: ({ signal }) => fetchJson<TeamReport>(`/api/reports/team?${reportApiParams(query)}`, { signal }),
    enabled,
    ...LIVE,
  });
}

function failuresOptions(query: ReportQuery & { code: number }) {
  return infiniteQueryOptions({
    queryKey: reportKeys.failures(query),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<FailuresPage>(
        `/api/reports/delivery/failures?${reportApiParams(query, { code: String(query.code), cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useFailures(query: ReportQuery & { code: number }) {
  return useInfiniteQuery({ ...failuresOptions(query), refetchOnWindowFocus: true, refetchInterval: 60_000 });
}

/** Admins: brings the rollups up to date now instead of within the minute, then asks every report again. */
export function useRefreshReports() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<unknown>("/api/reports/refresh", "POST"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
