"use client";

import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { listOpenAlerts } from "@/lib/admin/alerts";
import type { listAudit } from "@/lib/admin/audit";
import type { listCatchUpRuns } from "@/lib/admin/catch-up-runs";
import type { ConnectionResult } from "@/lib/admin/account-connection";
import type { listAccounts } from "@/lib/admin/accounts";
import type { createApplication, listApplications, NewCredentials } from "@/lib/admin/applications";
import type { listNumbers } from "@/lib/admin/numbers";
import type { CreatedUser, listUsers } from "@/lib/admin/users";
import type {
  AccountCreate,
  AccountUpdate,
  ApplicationCreate,
  NumberCreate,
  NumberUpdate,
  UserCreate,
  UserUpdate,
} from "@/lib/validations/admin";
import { fetchJson, sendJson } from "./query-client";
import type { Json } from "./types";

/** What a server function returns, as it arrives in JSON. */
type Served<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;
export type AdminAlert = Served<typeof listOpenAlerts>[number];
export type AdminAccount = Served<typeof listAccounts>[number];
export type AdminApplication = Served<typeof listApplications>[number];
export type AdminNumber = Served<typeof listNumbers>[number];
export type AdminUser = Served<typeof listUsers>[number];
export type AuditPage = Served<typeof listAudit>;
export type CatchUpRun = Served<typeof listCatchUpRuns>["runs"][number];
export type CreatedApplication = Served<typeof createApplication>;
export type { NewCredentials, ConnectionResult };

export const adminKeys = {
  all: ["admin"] as const,
  alerts: ["admin", "alerts"] as const,
  accounts: ["admin", "accounts"] as const,
  applications: ["admin", "applications"] as const,
  numbers: ["admin", "numbers"] as const,
  users: ["admin", "users"] as const,
  audit: (filters: Record<string, string>) => ["admin", "audit", filters] as const,
  catchUp: ["admin", "catch-up"] as const,
};

function useList<T>(key: readonly string[], url: string, field: string) {
  return useQuery<T[]>({
    queryKey: key,
    queryFn: ({ signal }) => fetchJson<Record<string, T[]>>(url, { signal }).then((body) => body[field] ?? []),
  });
}

export const useAlerts = () => useList<AdminAlert>(adminKeys.alerts, "/api/admin/alerts", "alerts");
export const useAccounts = () => useList<AdminAccount>(adminKeys.accounts, "/api/admin/accounts", "accounts");
export const useApplications = () =>
  useList<AdminApplication>(adminKeys.applications, "/api/admin/applications", "applications");
export const useNumbers = () => useList<AdminNumber>(adminKeys.numbers, "/api/admin/numbers", "numbers");
export const useUsers = () => useList<AdminUser>(adminKeys.users, "/api/admin/users", "users");

/** The catch-up job's latest runs; refreshed every minute (a run may be under way). */
/**
 * The catch-up's runs, every minute; every 2 s while one is running, or for up to two minutes after
 * an admin asked for one (`requestedAt`, this browser's clock) until a run that started since has
 * finished.
 */
export const useCatchUpRuns = (requestedAt: number | null = null) =>
  useQuery<CatchUpRun[]>({
    queryKey: adminKeys.catchUp,
    queryFn: ({ signal }) =>
      fetchJson<{ runs: CatchUpRun[] }>("/api/admin/catch-up", { signal }).then((body) => body.runs),
    refetchInterval: (query) => {
      const runs = query.state.data ?? [];
      const now = Date.now();
      const running = runs.some((run) => !run.finishedAt && now - Date.parse(run.startedAt) < 30 * 60_000);
      const awaited =
        requestedAt !== null &&
        now - requestedAt < 2 * 60_000 &&
        !runs.some((run) => run.finishedAt && Date.parse(run.startedAt) >= requestedAt - 5_000);
      return running || awaited ? 2_000 : 60_000;
    },
  });

export const useRequestCatchUpRun = () =>
  useAdminMutation(() => sendJson<{ queued: boolean }>("/api/admin/catch-up", "POST"));

export function useAudit(filters: Record<string, string>) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: adminKeys.audit(filters),
      queryFn: ({ pageParam, signal }) => {
        const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ""));
        if (pageParam) params.set("before", String(pageParam));
        return fetchJson<AuditPage>(`/api/admin/audit?${params}`, { signal });
      },
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (page) => page.nextBefore ?? undefined,
    }),
  );
}

/** Any admin change: everything the console shows may have moved (and the audit log has grown). */
function useAdminMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void client.invalidateQueries({ queryKey: adminKeys.all }) });
}

export const useResolveAlert = () =>
  useAdminMutation((id: string) => sendJson<null>(`/api/admin/alerts/${id}/resolve`, "POST"));
export const useCreateAccount = () =>
  useAdminMutation((input: AccountCreate) => sendJson<{ account: AdminAccount }>("/api/admin/accounts", "POST", input));
export const useUpdateAccount = () =>
  useAdminMutation(({ id, ...input }: AccountUpdate & { id: string }) =>
    sendJson<{ account: AdminAccount }>(`/api/admin/accounts/${id}`, "PATCH", input),
  );
export const useTestConnection = () =>
  useMutation({
    mutationFn: (id: string) =>
      sendJson<{ result: ConnectionResult }>(`/api/admin/accounts/${id}/test`, "POST").then((b) => b.result),
  });
export const useCreateApplication = () =>
  useAdminMutation((input: ApplicationCreate) =>
    sendJson<CreatedApplication>("/api/admin/applications", "POST", input),
  );
export const useRotateCredentials = () =>
  useAdminMutation(({ id, graceHours }: { id: string; graceHours: number }) =>
    sendJson<{ credentials: NewCredentials; graceHours: number }>(`/api/admin/applications/${id}/credentials`, "POST", {
      graceHours,
    }),
  );
export const useCreateNumber = () =>
  useAdminMutation((input: NumberCreate) => sendJson<{ number: AdminNumber }>("/api/admin/numbers", "POST", input));
export const useUpdateNumber = () =>
  useAdminMutation(({ id, ...input }: NumberUpdate & { id: string }) =>
    sendJson<{ number: AdminNumber }>(`/api/admin/numbers/${id}`, "PATCH", input),
  );
export const useDeleteNumber = () =>
  useAdminMutation((id: string) => fetchJson<null>(`/api/admin/numbers/${id}`, { method: "DELETE" }));
export const useCreateUser = () =>
  useAdminMutation((input: UserCreate) => sendJson<Json<CreatedUser>>("/api/admin/users", "POST", input));
export const useUpdateUser = () =>
  useAdminMutation(({ id, ...input }: UserUpdate & { id: string }) =>
    sendJson<{ user: AdminUser }>(`/api/admin/users/${id}`, "PATCH", input),
  );
