"use client";

import dynamic from "next/dynamic";

// Recharts measures its container in the browser: no server render, and a box of the chart's
// height meanwhile so nothing jumps.
const placeholder = () => <div className="h-60 w-full animate-pulse rounded-md bg-slate-100 dark:bg-slate-900" />;

export const LineChart = dynamic(() => import("./charts").then((module) => module.ReportLineChart), {
  ssr: false,
  loading: placeholder,
});

export const BarChart = dynamic(() => import("./charts").then((module) => module.ReportBarChart), {
  ssr: false,
  loading: placeholder,
});
