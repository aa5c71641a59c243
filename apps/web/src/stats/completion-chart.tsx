/**
 * Completion per period as bars (0–100 %), drawn by hand in SVG at the container's real width:
 * readable at 360 px, themed by CSS, no chart library in the bundle (decision 0018). Periods
 * that asked for nothing show no bar and say so. The numbers are in the label for screen
 * readers and on every bar's title for pointers.
 */

import { t } from '../i18n/i18n';
import { ChartGrid } from '../shared/components/chart-grid';
import { formatList, formatPercent } from '../shared/lib/format';
import { useWidth } from '../shared/lib/use-width';

export interface Bar {
  label: string;
  /** For the accessible description, e.g. "week of 3 Mar". */
  long: string;
  /** 0–1, or null when nothing was asked for. */
  rate: number | null;
}

export function CompletionChart({
  bars,
  color,
  title,
  height = 170,
  compact = false,
}: {
  bars: Bar[];
  color: string;
  title: string;
  height?: number;
  compact?: boolean;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const pad = { top: compact ? 6 : 18, right: 4, bottom: compact ? 4 : 22, left: compact ? 4 : 42 };
  const w = Math.max(60, width - pad.left - pad.right);
  const h = height - pad.top - pad.bottom;
  const slot = w / Math.max(1, bars.length);
  const barWidth = Math.max(3, Math.min(36, slot * 0.7));
  const y = (rate: number) => pad.top + (1 - rate) * h;
  const pct = (rate: number | null) =>
    rate === null ? t('chart.nothingDue') : formatPercent(rate);
  const label = t('chart.completion.label', {
    title,
    values: formatList(
      bars.map((b) => t('chart.value.item', { period: b.long, amount: pct(b.rate) })),
    ),
  });
  // Labels thinned so they never collide (≥ 34 px apart).
  const every = Math.max(1, Math.ceil(34 / slot));
  return (
    <div ref={ref} className="chart">
      <svg className="chart-svg" width={width} height={height} role="img" aria-label={label}>
        {compact ? null : (
          <ChartGrid
            at={[0, 0.5, 1]}
            left={pad.left}
            right={pad.left + w}
            y={y}
            label={(g) => formatPercent(g)}
          />
        )}
        {bars.map((bar, i) => {
          const cx = pad.left + slot * i + slot / 2;
          const rate = bar.rate ?? 0;
          return (
            <g key={bar.long}>
              <title>{t('chart.value.item', { period: bar.long, amount: pct(bar.rate) })}</title>
              {bar.rate === null ? (
                <line
                  x1={cx - barWidth / 2}
                  x2={cx + barWidth / 2}
                  y1={y(0)}
                  y2={y(0)}
                  className="chart-empty"
                />
              ) : (
                <rect
                  x={cx - barWidth / 2}
                  y={y(rate)}
                  width={barWidth}
                  height={Math.max(1.5, rate * h)}
                  rx={3}
                  fill={color}
                />
              )}
              {!compact && i % every === 0 ? (
                <text x={cx} y={height - 6} textAnchor="middle" className="chart-label">
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
