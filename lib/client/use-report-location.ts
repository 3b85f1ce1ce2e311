"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { ReportQuery } from "@/lib/validations/reports";
import { readReportLocation, reportSearch, todayIn, type ReportLocation } from "./report-location";

const noSubscription = () => () => {};

/** The browser's time zone; null while rendering on the server (which cannot know it). */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    () => null,
  );
}

/**
 * The reports page's view (range, number, section) from its address, and a way to change it: the
 * address is rewritten through the history API (Next's router follows), so Back returns to the
 * previous view and a copied link reproduces this one. Null until the browser's zone is known.
 */
export function useReportLocation(isAdmin: boolean, path = "/reports") {
  const params = useSearchParams();
  const tz = useBrowserTimeZone();
  const today = tz ? todayIn(tz) : null;
  const location = tz && today ? readReportLocation(params, today, isAdmin) : null;
  const query: ReportQuery | null =
    location && tz
      ? { from: location.from, to: location.to, tz, ...(location.number ? { number: location.number } : {}) }
      : null;

  // The view shown is always in the address (the defaults too), so copying it reproduces the view.
  const search = location ? reportSearch(location) : null;
  const extra = [...params.keys()].some((key) => !KEPT.has(key));
  useEffect(() => {
    if (search && search !== params.toString() && !extra) window.history.replaceState(null, "", `${path}?${search}`);
  }, [search, params, path, extra]);

  const update = useCallback(
    (change: Partial<ReportLocation>) => {
      if (!location) return;
      window.history.pushState(null, "", `${path}?${reportSearch({ ...location, ...change })}`);
    },
    [location, path],
  );

  return { location, query, today, update };
}

/** Parameters of the view; a page's own (the drill page's `code`) keep the address as it is. */
const KEPT = new Set(["from", "to", "number", "section"]);
