"use client";

import { useSyncExternalStore } from "react";

// Charts draw in SVG attributes, which Tailwind's dark: classes cannot reach, so their colours
// follow the same media query as the rest of the page (app/globals.css) from here. Each pair is
// legible on its theme's background (slate-950 or white) at 3:1 or better.
const THEMES = {
  light: {
    axis: "#475569",
    grid: "#e2e8f0",
    tooltip: { backgroundColor: "#ffffff", borderColor: "#cbd5e1", color: "#0f172a" },
    rate: "#1f57d6",
    inbound: "#1f57d6",
    outbound: "#0f766e",
    delivered: "#15803d",
    failed: "#dc2626",
    unconfirmed: "#b45309",
    pending: "#64748b",
    heat: "31 87 214",
  },
  dark: {
    axis: "#cbd5e1",
    grid: "#334155",
    tooltip: { backgroundColor: "#0f172a", borderColor: "#475569", color: "#f1f5f9" },
    rate: "#60a5fa",
    inbound: "#60a5fa",
    outbound: "#2dd4bf",
    delivered: "#4ade80",
    failed: "#f87171",
    unconfirmed: "#fbbf24",
    pending: "#94a3b8",
    heat: "96 165 250",
  },
} as const;

export type ChartTheme = (typeof THEMES)[keyof typeof THEMES];

const QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void) {
  const media = window.matchMedia(QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

export function useChartTheme(): ChartTheme {
  const dark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
  return dark ? THEMES.dark : THEMES.light;
}
