"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateExport, ExportView } from "@/lib/validations/exports";
import { fetchJson, sendJson } from "./query-client";
import type { Json } from "./types";

// The admins' exports (issue 18): the recent list, one export's progress, starting one.

export type DataExport = Json<ExportView>;

export const exportKeys = {
  all: ["exports"] as const,
  list: ["exports", "list"] as const,
  one: (id: string) => ["exports", id] as const,
};

const unfinished = (item: DataExport | undefined) =>
  item?.status === "ready" || (item?.status === "running" && !item.stalled);

/** The latest exports of every admin; every few seconds while one of them is still going. */
export const useExports = () =>
  useQuery({
    queryKey: exportKeys.list,
    queryFn: ({ signal }) =>
      fetchJson<{ exports: DataExport[] }>("/api/admin/exports", { signal }).then((body) => body.exports),
    refetchInterval: (query) => ((query.state.data ?? []).some(unfinished) ? 3_000 : false),
  });

/** One export's progress, every second until it is done, failed, cancelled or stalled (then every 10 s). */
export const useExportProgress = (id: string | null) =>
  useQuery({
    queryKey: exportKeys.one(id ?? ""),
    enabled: id !== null,
    queryFn: ({ signal }) =>
      fetchJson<{ export: DataExport }>(`/api/admin/exports/${id}`, { signal }).then((body) => body.export),
    refetchInterval: (query) => {
      const item = query.state.data;
      if (item?.stalled) return 10_000;
      return item && !unfinished(item) ? false : 1_000;
    },
  });

export function useCreateExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateExport) =>
      sendJson<{ export: DataExport }>("/api/admin/exports", "POST", input).then((body) => body.export),
    onSuccess: () => void client.invalidateQueries({ queryKey: exportKeys.list }),
  });
}
