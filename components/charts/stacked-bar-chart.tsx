"use client";
// Bars stacked by series (tiers), over time or per category. Receives prepared points only.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, type ValueKind } from "@/lib/analytics/format-report";
import { ChartFrame } from "./chart-frame";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface StackedBarChartProps {
  label: string;
  data: ReadonlyArray<object>;
  /** The category (x) key, e.g. "label". */
  categoryKey: string;
  series: ChartSeries[];
  valueKind: ValueKind;
  /** Horizontal bars (categories down the side): for per-feature comparisons. */
  horizontal?: boolean;
  height?: number;
}

export function StackedBarChart({ label, data, categoryKey, series, valueKind, horizontal = false, height }: StackedBarChartProps) {
  const format = (value: number) => formatValue(valueKind, value, { compact: true });
  return (
    <ChartFrame label={label} height={height}>
      <BarChart data={data as object[]} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 0, left: horizontal ? 24 : 8 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" tickFormatter={format} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" />
            <YAxis type="category" dataKey={categoryKey} width={150} tick={{ fontSize: 12, fill: "#334155" }} stroke="#cbd5e1" />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" minTickGap={16} />
            <YAxis tickFormatter={format} width={64} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" />
          </>
        )}
        <Tooltip formatter={(value) => formatValue(valueKind, Number(value))} cursor={{ fill: "#f1f5f9" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>} />
        {series.map((entry) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.label} stackId="stack" fill={entry.color} isAnimationActive={false} maxBarSize={48} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
