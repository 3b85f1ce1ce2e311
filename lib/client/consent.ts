"use client";

import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AccountConsentSettings,
  ConsentHistoryEntry,
  OptOutView,
  RecordConsentBody,
} from "@/lib/validations/consent";
import { inboxKeys } from "./conversations";
import { ApiError, fetchJson, sendJson } from "./query-client";

export const consentKeys = {
  all: ["consent"] as const,
  number: (phoneNumber: string, ourNumber: string) => ["consent", phoneNumber, ourNumber] as const,
  optOuts: (filters: { q: string }) => ["consent", "opt-outs", filters] as const,
  settings: (accountId: string) => ["consent", "settings", accountId] as const,
};

/** An admin list row: the opt-out and the Bandwidth account it belongs to. */
export type AdminOptOut = OptOutView & {
  accountId?: string;
  accountName?: string | null;
  account?: { id: string; name: string } | null;
};

/** The account's name on an admin row, however the server nests it. */
export const accountNameOf = (row: AdminOptOut): string => row.accountName ?? row.account?.name ?? "—";
type OptOutPage = { items: AdminOptOut[]; nextCursor: string | null };
export type ImportSummary = { imported: number; skipped: number; problems: Array<{ line: number; problem: string }> };

/** The opted-out participants a conversation (header or list row) carries; none before the server sends them. */
export function optedOutIn(conversation: object): OptOutView[] {
  const value = (conversation as { optedOut?: unknown }).optedOut;
  return Array.isArray(value) ? (value as OptOutView[]) : [];
}

/** A list row's opted-out mark (any participant opted out). */
export function hasOptedOut(row: object): boolean {
  const value = (row as { optedOut?: unknown }).optedOut;
  return value === true || (Array.isArray(value) && value.length > 0);
}

/** The numbers a send was refused for (422 opted_out), or null for any other failure. */
export function optedOutRefusal(error: unknown): { message: string; optedOut: OptOutView[] } | null {
  if (!(error instanceof ApiError) || error.code !== "opted_out") return null;
  const body = error.body as { optedOut?: OptOutView[]; error?: { details?: { optedOut?: OptOutView[] } } } | null;
  return { message: error.message, optedOut: body?.optedOut ?? body?.error?.details?.optedOut ?? [] };
}

/** A number's consent now and its history (GET /api/consent). */
export function useConsent(phoneNumber: string, ourNumber: string, enabled = true) {
  return useQuery({
    queryKey: consentKeys.number(phoneNumber, ourNumber),
    queryFn: ({ signal }) =>
      fetchJson<{ optedOut: OptOutView | null; history: ConsentHistoryEntry[] }>(
        `/api/consent?${new URLSearchParams({ phoneNumber, ourNumber })}`,
        { signal },
      ),
    enabled,
  });
}

/**
 * Records an opt-out or an opt-in by hand (POST /api/consent). The conversations, their lists and
 * the admin list show it at once (the change notice refreshes other tabs).
 */
export function useRecordConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordConsentBody) => sendJson<ConsentHistoryEntry>("/api/consent", "POST", body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: inboxKeys.conversations });
      void client.invalidateQueries({ queryKey: inboxKeys.conversationHeaders });
      void client.invalidateQueries({ queryKey: consentKeys.all });
    },
  });
}

/** Admins: the current opt-outs, newest first, searched by number, reason or account. */
export function useOptOuts(q: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: consentKeys.optOuts({ q }),
      queryFn: ({ pageParam, signal }) => {
        const params = new URLSearchParams({ limit: "50" });
        if (q) params.set("q", q);
        if (pageParam) params.set("cursor", pageParam);
        return fetchJson<OptOutPage>(`/api/admin/opt-outs?${params}`, { signal });
      },
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
}

/** Admins: a CSV of opt-outs (text/csv body) into one account → what was imported, skipped, and each line's problem. */
export function useImportOptOuts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, accountId }: { csv: string; accountId?: string }) =>
      fetchJson<ImportSummary>(`/api/admin/opt-outs/import${accountId ? `?accountId=${accountId}` : ""}`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: csv,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: consentKeys.all });
      void client.invalidateQueries({ queryKey: inboxKeys.conversations });
      void client.invalidateQueries({ queryKey: inboxKeys.conversationHeaders });
    },
  });
}

const settingsUrl = (accountId: string) => `/api/admin/accounts/${accountId}/consent`;

export function useAccountConsentSettings(accountId: string) {
  return useQuery({
    queryKey: consentKeys.settings(accountId),
    queryFn: ({ signal }) => fetchJson<SettingsAnswer>(settingsUrl(accountId), { signal }).then(settingsOf),
  });
}

export function useUpdateAccountConsentSettings(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<AccountConsentSettings>) =>
      sendJson<SettingsAnswer>(settingsUrl(accountId), "PATCH", change).then(settingsOf),
    onSuccess: (settings) => client.setQueryData(consentKeys.settings(accountId), settings),
  });
}

// The settings may come bare or wrapped ({ settings }); either way the form gets the four fields.
type SettingsAnswer = AccountConsentSettings | { settings: AccountConsentSettings };
const settingsOf = (answer: SettingsAnswer): AccountConsentSettings =>
  "settings" in answer ? answer.settings : answer;
