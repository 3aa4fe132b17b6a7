"use client";
// Side-by-side bars per category (p50 and p95 per tier). Receives prepared points only.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, type ValueKind } from "@/lib/analytics/format-report";
import { ChartFrame } from "./chart-frame";
import type { ChartSeries } from "./stacked-bar-chart";

export interface GroupedBarChartProps {
  label: string;
  data: ReadonlyArray<object>;
  categoryKey: string;
  series: ChartSeries[];
  valueKind: ValueKind;
  height?: number;
}

export function GroupedBarChart({ label, data, categoryKey, series, valueKind, height }: GroupedBarChartProps) {
  const format = (value: number) => formatValue(valueKind, value, { compact: true });
  return (
    <ChartFrame label={label} height={height}>
      <BarChart data={data as object[]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey={categoryKey} interval={0} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" />
        <YAxis tickFormatter={format} width={64} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" />
        <Tooltip formatter={(value) => formatValue(valueKind, Number(value))} cursor={{ fill: "#f1f5f9" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>} />
        {series.map((entry) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.label} fill={entry.color} isAnimationActive={false} maxBarSize={40} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
