"use client";

import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { listAudit } from "@/lib/admin/audit";
import type { createApplication, listAccounts, listApplications, listNumbers, NewCredentials, ConnectionResult } from "@/lib/admin/bandwidth-config";
import type { CreatedUser, listUsers } from "@/lib/admin/team";
import type { AccountCreate, AccountUpdate, ApplicationCreate, NumberCreate, NumberUpdate, UserCreate, UserUpdate } from "@/lib/validations/admin";
import { fetchJson } from "./query-client";
import type { Json } from "./types";

type Awaited2<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;
export type AdminAccount = Awaited2<typeof listAccounts>[number];
export type AdminApplication = Awaited2<typeof listApplications>[number];
export type AdminNumber = Awaited2<typeof listNumbers>[number];
export type AdminUser = Awaited2<typeof listUsers>[number];
export type AuditPage = Awaited2<typeof listAudit>;
export type CreatedApplication = Awaited2<typeof createApplication>;
export type { NewCredentials, ConnectionResult };

export const adminKeys = {
  all: ["admin"] as const,
  accounts: ["admin", "accounts"] as const,
  applications: ["admin", "applications"] as const,
  numbers: ["admin", "numbers"] as const,
  users: ["admin", "users"] as const,
  audit: (filters: Record<string, string>) => ["admin", "audit", filters] as const,
};

const send = <T,>(url: string, method: string, body?: unknown) =>
  fetchJson<T>(url, { method, headers: { "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

function useList<T>(key: readonly string[], url: string, field: string) {
  return useQuery<T[]>({ queryKey: key, queryFn: ({ signal }) => fetchJson<Record<string, T[]>>(url, { signal }).then((body) => body[field] ?? []) });
}

export const useAccounts = () => useList<AdminAccount>(adminKeys.accounts, "/api/admin/accounts", "accounts");
export const useApplications = () => useList<AdminApplication>(adminKeys.applications, "/api/admin/applications", "applications");
export const useNumbers = () => useList<AdminNumber>(adminKeys.numbers, "/api/admin/numbers", "numbers");
export const useUsers = () => useList<AdminUser>(adminKeys.users, "/api/admin/users", "users");

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

export const useCreateAccount = () => useAdminMutation((input: AccountCreate) => send<{ account: AdminAccount }>("/api/admin/accounts", "POST", input));
export const useUpdateAccount = () => useAdminMutation(({ id, ...input }: AccountUpdate & { id: string }) => send<{ account: AdminAccount }>(`/api/admin/accounts/${id}`, "PATCH", input));
export const useTestConnection = () => useMutation({ mutationFn: (id: string) => send<{ result: ConnectionResult }>(`/api/admin/accounts/${id}/test`, "POST").then((b) => b.result) });
export const useCreateApplication = () => useAdminMutation((input: ApplicationCreate) => send<CreatedApplication>("/api/admin/applications", "POST", input));
export const useRotateCredentials = () =>
  useAdminMutation(({ id, graceHours }: { id: string; graceHours: number }) => send<{ credentials: NewCredentials; graceHours: number }>(`/api/admin/applications/${id}/credentials`, "POST", { graceHours }));
export const useCreateNumber = () => useAdminMutation((input: NumberCreate) => send<{ number: AdminNumber }>("/api/admin/numbers", "POST", input));
export const useUpdateNumber = () => useAdminMutation(({ id, ...input }: NumberUpdate & { id: string }) => send<{ number: AdminNumber }>(`/api/admin/numbers/${id}`, "PATCH", input));
export const useDeleteNumber = () => useAdminMutation((id: string) => fetchJson<null>(`/api/admin/numbers/${id}`, { method: "DELETE" }));
export const useCreateUser = () => useAdminMutation((input: UserCreate) => send<Json<CreatedUser>>("/api/admin/users", "POST", input));
export const useUpdateUser = () => useAdminMutation(({ id, ...input }: UserUpdate & { id: string }) => send<{ user: AdminUser }>(`/api/admin/users/${id}`, "PATCH", input));
