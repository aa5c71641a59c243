/**
 * Statistics across habits (/stats): how much of what the habits asked for was done, by week,
 * month or year — all habits together, then each habit. A lazy chunk with its hand-drawn charts.
 */
import { completionRate } from '@habit-tracker/core';
import { useEffect, useId, useState } from 'react';
import { api, friendlyError, type Stats } from '../api/client';
import { FormError } from '../shared/components/form-error';
import { HabitIcon, habitColorStyle } from '../shared/components/habit-icon';
import { ScreenHeader } from '../shared/components/screen-header';
import { type Segment, Segmented } from '../shared/components/segmented';
import { formatDayMonth, formatMonthShort, formatPercent } from '../shared/lib/format';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { type Bar, CompletionChart } from './completion-chart';

type Unit = Stats['unit'];
const UNITS: Segment<Unit>[] = [
  { value: 'week', label: 'Weeks' },
  { value: 'month', label: 'Months' },
  { value: 'year', label: 'Years' },
];

function barsOf(stats: Stats, list: Stats['overall']): Bar[] {
  return stats.periods.map((p, i) => {
    const rate = completionRate(list[i] ?? { done: 0, expected: 0 });
    if (stats.unit === 'week') {
      return {
        label: formatDayMonth(p.start).split(' ')[0]!,
        long: `week of ${formatDayMonth(p.start)}`,
        rate,
      };
    }
    if (stats.unit === 'month') {
      return {
        label: formatMonthShort(p.start),
        long: `${formatMonthShort(p.start)} ${p.start.slice(0, 4)}`,
        rate,
      };
    }
    return { label: p.start.slice(0, 4), long: p.start.slice(0, 4), rate };
  });
}

export default function StatsScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>('Statistics');
  const [unit, setUnit] = useState<Unit>('week');
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    let current = true;
    api
      .stats(unit)
      .then((s) => {
        if (!current) return;
        setStats(s);
        setError(null);
      })
      .catch((e) => {
        if (current) setError(friendlyError(e));
      });
    return () => {
      current = false;
    };
  }, [unit]);

  const shown = stats?.unit === unit ? stats : null;
  const latest = (list: Stats['overall']) => {
    const rate = list.length ? completionRate(list[list.length - 1]!) : null;
    return rate === null ? '–' : formatPercent(rate);
  };

  return (
    <div className="screen stats-screen">
      <ScreenHeader heading={heading} title="Statistics">
        <p className="subtitle">How much of what your habits asked for you did.</p>
      </ScreenHeader>
      <Segmented
        className="stats-units"
        legend="Show by"
        name={`${id}-unit`}
        options={UNITS}
        value={unit}
        onChange={setUnit}
      />
      <FormError error={error} />
      {!shown && !error ? <div className="card skeleton-card" aria-busy="true" /> : null}
      {shown ? (
        <>
          <section className="card" aria-labelledby={`${id}-all`} data-testid="stats-overall">
            <div className="card-header">
              <h2 id={`${id}-all`} className="card-title">
                All habits
              </h2>
              <span className="stats-latest">
                {latest(shown.overall)}
                <span className="sr-only"> this {unit}</span>
              </span>
            </div>
            <CompletionChart
              bars={barsOf(shown, shown.overall)}
              color="var(--accent-bg)"
              title={`All habits by ${unit}`}
            />
          </section>
          {shown.habits.length === 0 ? (
            <p className="muted-box">No habits yet: statistics start with your first one.</p>
          ) : (
            <ul className="stats-habits" aria-label="Each habit">
              {shown.habits.map((h) => (
                <li
                  key={h.id}
                  className="card stats-habit"
                  style={habitColorStyle(h.color)}
                  data-testid="stats-habit"
                >
                  <span className="stats-habit-name">
                    <HabitIcon icon={h.icon} name={h.name} color={h.color} />
                    <span>{h.name}</span>
                    <span className="stats-latest">{latest(h.periods)}</span>
                  </span>
                  <CompletionChart
                    bars={barsOf(shown, h.periods)}
                    color="var(--hc-fill)"
                    title={`${h.name} by ${unit}`}
                    height={56}
                    compact
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}
