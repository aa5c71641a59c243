/**
 * A numeric habit's amounts per day, week or month, with its target (or limit) drawn across:
 * per day a line at the target, per week and month a mark on each bar at the target times the
 * days the schedule asked for. Hand-drawn SVG like the other charts (decision 0018).
 */
import {
  addDays,
  type CompletionPeriod,
  completionPeriods,
  habitCompletion,
  type Weekday,
} from '@habit-tracker/core';
import { useId, useState } from 'react';
import type { History } from '../../api/client';
import { t } from '../../i18n/i18n';
import { ChartGrid } from '../../shared/components/chart-grid';
import { type Segment, Segmented } from '../../shared/components/segmented';
import {
  formatDayMonth,
  formatDayNumber,
  formatList,
  formatMonthShort,
  formatMonthShortYear,
  formatNumber,
} from '../../shared/lib/format';
import { useWidth } from '../../shared/lib/use-width';

type Unit = 'day' | 'week' | 'month';
const units = (): Segment<Unit>[] => [
  { value: 'day', label: t('chart.days') },
  { value: 'week', label: t('chart.weeks') },
  { value: 'month', label: t('chart.months') },
];

function periodsOf(unit: Unit, today: string, weekStart: Weekday): CompletionPeriod[] {
  if (unit === 'day') {
    return Array.from({ length: 30 }, (_, i) => {
      const date = addDays(today, i - 29);
      return { start: date, end: date };
    });
  }
  return completionPeriods(today, unit, 12, weekStart);
}

function labelOf(unit: Unit, p: CompletionPeriod): string {
  if (unit === 'month') return formatMonthShort(p.start);
  return formatDayNumber(p.start);
}

/** The period in full for text alternatives: a day, the week starting on a day, a month. */
function periodLabel(unit: Unit, p: CompletionPeriod): string {
  if (unit === 'day') return formatDayMonth(p.start);
  if (unit === 'week') return t('chart.weekOf', { date: formatDayMonth(p.start) });
  return formatMonthShortYear(p.start);
}

export function ValueChart({ history, weekStart }: { history: History; weekStart: Weekday }) {
  const [unit, setUnit] = useState<Unit>('day');
  const [ref, width] = useWidth<HTMLDivElement>();
  const id = useId();
  const { habit, today, checkins } = history;
  if (habit.measure.kind !== 'numeric') return null;
  const { target, unit: measureUnit, direction } = habit.measure;
  const periods = periodsOf(unit, today, weekStart);
  const sums = periods.map((p) =>
    checkins
      .filter((c) => c.state === 'done' && c.date >= p.start && c.date <= p.end)
      .reduce((sum, c) => sum + (c.value ?? 0), 0),
  );
  const asked = habitCompletion(
    { schedule: habit.schedule, measure: habit.measure, startDate: habit.startDate, checkins },
    periods,
    today,
    weekStart,
  );
  // Per day the target itself; per week or month, the target times the days asked for.
  const targets = periods.map((_, i) => (unit === 'day' ? target : target * asked[i]!.expected));

  const height = 190;
  const pad = { top: 14, right: 8, bottom: 24, left: 40 };
  const w = Math.max(80, width - pad.left - pad.right);
  const h = height - pad.top - pad.bottom;
  const max = Math.max(1, ...sums, ...targets) * 1.1;
  const y = (v: number) => pad.top + (1 - v / max) * h;
  const slot = w / periods.length;
  const barWidth = Math.max(3, Math.min(30, slot * 0.7));
  const every = Math.max(1, Math.ceil(40 / slot));
  const label = t('chart.value.label', {
    habit: habit.name,
    unit: measureUnit,
    period: unit,
    direction,
    target: formatNumber(target),
    values: formatList(
      periods.map((p, i) =>
        t('chart.value.item', { period: periodLabel(unit, p), amount: formatNumber(sums[i]!) }),
      ),
    ),
  });

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="value-chart">
      <div className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          {t('chart.value.title', { unit: measureUnit, period: unit })}
        </h2>
        <Segmented
          className="segmented-small"
          legend={t('chart.showBy')}
          name={`${id}-unit`}
          options={units()}
          value={unit}
          onChange={setUnit}
        />
      </div>
      <div ref={ref} className="chart">
        <svg className="chart-svg" width={width} height={height} role="img" aria-label={label}>
          <ChartGrid
            at={[0, max / 2]}
            left={pad.left}
            right={pad.left + w}
            y={y}
            label={(g) => formatNumber(Math.round(g))}
          />
          {periods.map((p, i) => {
            const cx = pad.left + slot * i + slot / 2;
            const sum = sums[i]!;
            const over = direction === 'at_most' && sum > targets[i]!;
            return (
              <g key={p.start}>
                <title>
                  {t('chart.value.bar', {
                    period: periodLabel(unit, p),
                    amount: formatNumber(sum),
                    unit: measureUnit,
                  })}
                </title>
                <rect
                  x={cx - barWidth / 2}
                  y={y(sum)}
                  width={barWidth}
                  height={Math.max(sum > 0 ? 1.5 : 0, pad.top + h - y(sum))}
                  rx={3}
                  className={over ? 'chart-bar-over' : 'chart-bar'}
                />
                {unit !== 'day' && targets[i]! > 0 ? (
                  <line
                    x1={cx - slot / 2 + 1}
                    x2={cx + slot / 2 - 1}
                    y1={y(targets[i]!)}
                    y2={y(targets[i]!)}
                    className="chart-target"
                  />
                ) : null}
                {i % every === 0 ? (
                  <text x={cx} y={height - 6} textAnchor="middle" className="chart-label">
                    {labelOf(unit, p)}
                  </text>
                ) : null}
              </g>
            );
          })}
          {unit === 'day' ? (
            <line
              x1={pad.left}
              x2={pad.left + w}
              y1={y(target)}
              y2={y(target)}
              className="chart-target"
            />
          ) : null}
        </svg>
      </div>
      <p className="hint">
        {t('chart.value.hint', {
          direction,
          target: formatNumber(target),
          unit: measureUnit,
          period: unit,
        })}
      </p>
    </section>
  );
}
