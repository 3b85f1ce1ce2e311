"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useChartTheme, type ChartTheme } from "./use-chart-theme";

// The reports' line and bar charts (recharts), loaded only by the reports pages (next/dynamic in
// report-figure.tsx). Animations are off: figures refresh every minute, and a redraw that moves
// is noise (and would blur screenshots). Recharts' keyboard layer is off: each chart sits in a
// role="img" with its summary, and its table view is the accessible way through the figures.

type Colour = Exclude<keyof ChartTheme, "axis" | "grid" | "tooltip" | "heat">;
export type Series = { key: string; name: string; colour: Colour };
type Datum = Record<string, string | number | null>;

type ChartProps = {
  data: Datum[];
  xKey: string;
  series: Series[];
  /** How values read on the axis and in the tooltip. */
  format?: (value: number) => string;
  height?: number;
};

export function ReportLineChart({
  data,
  xKey,
  series,
  format,
  height = 240,
  domain,
}: ChartProps & { domain?: [number, number] }) {
  const theme = useChartTheme();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
        <XAxis dataKey={xKey} {...axis(theme)} minTickGap={24} />
        <YAxis {...axis(theme)} width={48} domain={domain} tickFormatter={format} allowDecimals={false} />
        <Tooltip {...tooltip(theme, format)} />
        <Legend wrapperStyle={{ color: theme.axis, fontSize: 12 }} />
        {series.map((line) => (
          <Line
            key={line.key}
            type="linear"
            dataKey={line.key}
            name={line.name}
            stroke={theme[line.colour]}
            strokeWidth={2}
            dot={data.length <= 31 ? { r: 2, fill: theme[line.colour] } : false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function ReportBarChart({
  data,
  xKey,
  series,
  format,
  height = 240,
  stacked = false,
}: ChartProps & { stacked?: boolean }) {
  const theme = useChartTheme();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
        {/* Labels that would collide are left out (the table beside every chart names them all). */}
        <XAxis dataKey={xKey} {...axis(theme)} minTickGap={8} />
        <YAxis {...axis(theme)} width={48} tickFormatter={format} allowDecimals={false} />
        <Tooltip {...tooltip(theme, format)} cursor={{ fill: theme.grid, fillOpacity: 0.5 }} />
        <Legend wrapperStyle={{ color: theme.axis, fontSize: 12 }} />
        {series.map((bar) => (
          <Bar
            key={bar.key}
            dataKey={bar.key}
            name={bar.name}
            fill={theme[bar.colour]}
            stackId={stacked ? "stack" : undefined}
            maxBarSize={48}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

function axis(theme: ChartTheme) {
  return { stroke: theme.grid, tick: { fill: theme.axis, fontSize: 12 }, tickLine: false };
}

function tooltip(theme: ChartTheme, format?: (value: number) => string) {
  return {
    contentStyle: { ...theme.tooltip, borderRadius: 6, fontSize: 12 },
    labelStyle: { color: theme.tooltip.color, fontWeight: 600 },
    itemStyle: { color: theme.tooltip.color },
    isAnimationActive: false,
    ...(format
      ? { formatter: (value: unknown) => (typeof value === "number" ? format(value) : String(value ?? "")) }
      : {}),
  };
}
