/**
 * Statistics across habits (/stats): how much of what the habits asked for was done, by week,
 * month or year — all habits together, then each habit. A lazy chunk with its hand-drawn charts.
 */
import { completionRate } from '@habit-tracker/core';
import { useEffect, useId, useState } from 'react';
import { api, type Stats } from '../api/client';
import { t as translate, useT } from '../i18n/i18n';
import { FormError } from '../shared/components/form-error';
import { HabitIcon, habitColorStyle } from '../shared/components/habit-icon';
import { ScreenHeader } from '../shared/components/screen-header';
import { type Segment, Segmented } from '../shared/components/segmented';
import { friendlyError } from '../shared/lib/errors';
import {
  formatDayMonth,
  formatDayNumber,
  formatMonthShort,
  formatMonthShortYear,
  formatPercent,
  formatYear,
} from '../shared/lib/format';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { type Bar, CompletionChart } from './completion-chart';

type Unit = Stats['unit'];
const units = (): Segment<Unit>[] => [
  { value: 'week', label: translate('chart.weeks') },
  { value: 'month', label: translate('chart.months') },
  { value: 'year', label: translate('chart.years') },
];

function barsOf(stats: Stats, list: Stats['overall']): Bar[] {
  return stats.periods.map((p, i) => {
    const rate = completionRate(list[i] ?? { done: 0, expected: 0 });
    if (stats.unit === 'week') {
      return {
        label: formatDayNumber(p.start),
        long: translate('chart.weekOf', { date: formatDayMonth(p.start) }),
        rate,
      };
    }
    if (stats.unit === 'month') {
      return {
        label: formatMonthShort(p.start),
        long: formatMonthShortYear(p.start),
        rate,
      };
    }
    return { label: formatYear(p.start), long: formatYear(p.start), rate };
  });
}

export default function StatsScreen() {
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(t('stats.title'));
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
      <ScreenHeader heading={heading} title={t('stats.title')}>
        <p className="subtitle">{t('stats.subtitle')}</p>
      </ScreenHeader>
      <Segmented
        className="stats-units"
        legend={t('chart.showBy')}
        name={`${id}-unit`}
        options={units()}
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
                {t('stats.allHabits')}
              </h2>
              <span className="stats-latest">
                {latest(shown.overall)}
                <span className="sr-only"> {t('stats.thisPeriod', { period: unit })}</span>
              </span>
            </div>
            <CompletionChart
              bars={barsOf(shown, shown.overall)}
              color="var(--accent-bg)"
              title={t('stats.byPeriod', { name: t('stats.allHabits'), period: unit })}
            />
          </section>
          {shown.habits.length === 0 ? (
            <p className="muted-box">{t('stats.empty')}</p>
          ) : (
            <ul className="stats-habits" aria-label={t('stats.eachHabit')}>
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
                    title={t('stats.byPeriod', { name: h.name, period: unit })}
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
