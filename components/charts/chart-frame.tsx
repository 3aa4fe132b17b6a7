"use client";
// The box every chart draws in: a fixed height so the page does not jump while Recharts measures,
// and an accessible name, since the SVG alone says nothing to a screen reader.
import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

export function ChartFrame({ label, height = 280, children }: { label: string; height?: number; children: ReactElement }) {
  return (
    <figure role="img" aria-label={label} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}
