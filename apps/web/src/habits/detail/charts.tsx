/** Small hand-drawn SVG charts, sized to their container so they stay crisp on a phone. */

import { t } from '../../i18n/i18n';
import { ChartGrid } from '../../shared/components/chart-grid';
import {
  formatFullDate,
  formatList,
  formatMonthShort,
  formatNumber,
  formatPercent,
  weekdayName,
} from '../../shared/lib/format';
import { useWidth } from '../../shared/lib/use-width';

export function ScoreChart({
  points,
  color,
}: {
  points: { date: string; score: number }[];
  color: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = 180;
  const pad = { top: 12, right: 12, bottom: 26, left: 38 };
  const w = Math.max(100, width - pad.left - pad.right);
  const h = height - pad.top - pad.bottom;
  // At most one point per 2 px: a decade of days still draws a clean line.
  const step = Math.max(1, Math.ceil(points.length / (w / 2)));
  const sampled = points.filter((_, i) => i % step === 0 || i === points.length - 1);
  const x = (i: number) => pad.left + (sampled.length <= 1 ? w : (i / (sampled.length - 1)) * w);
  const y = (s: number) => pad.top + (1 - s) * h;
  const line = sampled.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`);
  const area = sampled.length
    ? `${line.join('')}L${x(sampled.length - 1).toFixed(1)},${y(0)}L${x(0).toFixed(1)},${y(0)}Z`
    : '';
  // Month ticks, thinned so labels never collide (≥ 44 px apart).
  const ticks: { i: number; label: string }[] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  sampled.forEach((p, i) => {
    const prev = sampled[i - 1];
    if (i === 0 || (prev && prev.date.slice(0, 7) !== p.date.slice(0, 7))) {
      if (x(i) - lastX >= 44 && x(i) <= pad.left + w - 16) {
        ticks.push({ i, label: formatMonthShort(p.date) });
        lastX = x(i);
      }
    }
  });
  const first = points[0];
  const last = points[points.length - 1];
  const label =
    first && last
      ? t('chart.strength.label', {
          first: formatPercent(first.score),
          firstDate: formatFullDate(first.date),
          last: formatPercent(last.score),
          lastDate: formatFullDate(last.date),
        })
      : t('chart.strength.empty');
  return (
    <div ref={ref} className="chart">
      <svg className="chart-svg" width={width} height={height} role="img" aria-label={label}>
        <ChartGrid
          at={[0, 0.25, 0.5, 0.75, 1]}
          left={pad.left}
          right={pad.left + w}
          y={y}
          label={(g) => formatPercent(g)}
        />
        {ticks.map((t) => (
          <text key={t.i} x={x(t.i)} y={height - 6} textAnchor="middle" className="chart-label">
            {t.label}
          </text>
        ))}
        <path d={area} fill={color} fillOpacity={0.15} />
        <path
          d={line.join('')}
          fill="none"
          stroke={color}
          strokeWidth={2.5}
          strokeLinejoin="round"
        />
        {last && sampled.length ? (
          <circle cx={x(sampled.length - 1)} cy={y(last.score)} r={4} fill={color} />
        ) : null}
      </svg>
    </div>
  );
}

export function WeekdayChart({
  counts,
  weekStart,
  color,
}: {
  counts: number[];
  weekStart: number;
  color: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = 150;
  const pad = { top: 20, bottom: 24 };
  const order = Array.from({ length: 7 }, (_, i) => ((weekStart - 1 + i) % 7) + 1);
  const max = Math.max(1, ...counts);
  const slot = width / 7;
  const barWidth = Math.min(36, slot * 0.6);
  const h = height - pad.top - pad.bottom;
  const label = t('chart.weekday.label', {
    days: formatList(
      order.map((d) =>
        t('chart.weekday.day', { day: weekdayName(d, 'long'), count: counts[d - 1] ?? 0 }),
      ),
    ),
  });
  return (
    <div ref={ref} className="chart">
      <svg className="chart-svg" width={width} height={height} role="img" aria-label={label}>
        {order.map((d, i) => {
          const count = counts[d - 1] ?? 0;
          const bh = (count / max) * h;
          const cx = slot * i + slot / 2;
          return (
            <g key={d}>
              <rect
                x={cx - barWidth / 2}
                y={pad.top + h - bh}
                width={barWidth}
                height={Math.max(bh, 1)}
                rx={4}
                fill={color}
                fillOpacity={count ? 0.85 : 0.2}
              />
              <text x={cx} y={pad.top + h - bh - 5} textAnchor="middle" className="chart-value">
                {formatNumber(count)}
              </text>
              <text x={cx} y={height - 6} textAnchor="middle" className="chart-label">
                {weekdayName(d, 'short')}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
