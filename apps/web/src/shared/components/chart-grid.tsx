/** A hand-drawn chart's horizontal grid lines (decision 0018), each labelled left of the plot. */
import type { ReactNode } from 'react';

interface ChartGridProps {
  /** The values a line is drawn at. */
  at: readonly number[];
  /** The plot's left and right edges. */
  left: number;
  right: number;
  /** A value's vertical position. */
  y: (value: number) => number;
  label: (value: number) => ReactNode;
}

export function ChartGrid({ at, left, right, y, label }: ChartGridProps) {
  return at.map((value) => (
    <g key={value}>
      <line x1={left} x2={right} y1={y(value)} y2={y(value)} className="chart-grid" />
      <text x={left - 6} y={y(value) + 4} textAnchor="end" className="chart-label">
        {label(value)}
      </text>
    </g>
  ));
}
