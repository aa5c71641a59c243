import { addDays, daysBetween, startOfMonth, type Weekday } from '@habit-tracker/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type CheckinDto, type History } from '../api/client';
import { t as translate, useT } from '../i18n/i18n';
import { onSettled, syncStore } from '../offline/sync';
import { BackLink, Link } from '../router';
import { DayLegend } from '../shared/components/day-mark';
import { HabitIcon, habitColorStyle } from '../shared/components/habit-icon';
import { BackIcon } from '../shared/components/icons';
import { LoadingCard } from '../shared/components/loading-card';
import { toast } from '../shared/components/toast';
import { friendlyError } from '../shared/lib/errors';
import {
  formatFullDate,
  formatNumber,
  formatPercent,
  scheduleText,
  streakText,
  targetText,
} from '../shared/lib/format';
import { useStore } from '../shared/lib/store';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useMutation } from '../shared/lib/use-mutation';
import { CheckinDialog } from '../today/checkin-dialog';
import { optimisticCheckin } from '../today/model';
import { todayStore } from '../today/store';
import { HistoryCalendar, monthsBetween } from './detail/calendar';
import { ScoreChart, WeekdayChart } from './detail/charts';
import { ValueChart } from './detail/value-chart';

const MAX_DAYS = 3699;

/** History with one day's check-in replaced by the server's answer (null: the day was cleared). */
function withConfirmedCheckin(history: History, date: string, checkin: CheckinDto | null): History {
  const others = history.checkins.filter((c) => c.date !== date);
  const checkins = checkin
    ? [...others, checkin].sort((a, b) => (a.date < b.date ? -1 : 1))
    : others;
  return { ...history, checkins };
}

export default function HabitDetailScreen({ id }: { id: string }) {
  const t = useT();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  // Phones start with a season, wider screens with half a year (both grow on request).
  const [monthsShown, setMonthsShown] = useState(() => (window.innerWidth < 640 ? 3 : 6));
  const [picked, setPicked] = useState<string | null>(null);
  const [focusDate, setFocusDate] = useState<string | null>(null);
  const { pending } = useStore(syncStore);
  const heading = useHeadingFocus<HTMLHeadingElement>(history?.habit.name ?? t('detail.habit'));
  const weekStart = todayStore.get().data?.settings.weekStart ?? 1;
  const rangeRef = useRef<string | null>(null);
  rangeRef.current = from;

  const load = useCallback(async () => {
    try {
      const range = rangeRef.current ? { from: rangeRef.current } : {};
      const data = await api.history(id, range);
      setHistory(data);
      setError(null);
    } catch (e) {
      setError(friendlyError(e));
    }
  }, [id]);

  useEffect(() => void load(), [load]);

  // Refresh streaks, scores and counts once the server has confirmed an edit to this habit.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onSettled((action, result) => {
      if (action.habitId !== id) return;
      if (result.ok) {
        // The action leaves the queue now, so its optimistic day would vanish until the reload
        // below lands: keep the confirmed day in view meanwhile.
        setHistory((h) => (h ? withConfirmedCheckin(h, action.date, result.checkin) : h));
      } else {
        toast(translate('detail.notSaved', { message: result.message }), { tone: 'error' });
      }
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 250);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [id, load]);

  const setArchived = useMutation(
    (habitId: string, archiving: boolean) =>
      archiving ? api.archiveHabit(habitId) : api.unarchiveHabit(habitId),
    {
      errorToast: true,
      success: (updated) =>
        updated.archivedAt
          ? t('habits.archived', { name: updated.name })
          : t('habits.unarchived', { name: updated.name }),
      onSuccess: (updated) => setHistory((h) => (h ? { ...h, habit: updated } : h)),
    },
  );

  const checkins = useMemo(() => {
    const map = new Map<string, CheckinDto>();
    for (const c of history?.checkins ?? []) map.set(c.date, c);
    for (const action of pending) {
      if (action.habitId !== id) continue;
      const next = optimisticCheckin(action, map.get(action.date) ?? null);
      if (next) map.set(action.date, next);
      else map.delete(action.date);
    }
    return map;
  }, [history, pending, id]);

  if (!history) {
    return (
      <div className="screen">
        <BackLink fallback="/habits">
          <BackIcon width={18} height={18} />
        </BackLink>
        <h1 ref={heading} tabIndex={-1}>
          {error ? t('detail.habit') : t('detail.loading')}
        </h1>
        <LoadingCard error={error} />
      </div>
    );
  }

  const { habit, today, streak, score } = history;
  const months = monthsBetween(
    startOfMonth(addDays(startOfMonth(today), -31 * (monthsShown - 1))),
    today,
  ).slice(0, monthsShown);
  const oldestShown = months[months.length - 1]!;
  const canShowEarlier = daysBetween(oldestShown, today) < MAX_DAYS - 200;
  // Scores: from the habit's start (or its first check-in) — the flat zeros before say nothing.
  const firstCheckin = history.checkins[0]?.date;
  const scoreFrom = firstCheckin && firstCheckin < habit.startDate ? firstCheckin : habit.startDate;
  const points = history.scores.filter((p) => p.date >= scoreFrom);
  const doneCount = history.weekdayCounts.reduce((a, b) => a + b, 0);
  const notes = history.checkins
    .filter((c) => c.note)
    .slice(-5)
    .reverse();

  async function showEarlier() {
    const nextShown = monthsShown + 6;
    setMonthsShown(nextShown);
    const oldest = startOfMonth(addDays(startOfMonth(today), -31 * (nextShown - 1)));
    if (history && oldest < history.from) {
      const clamped = daysBetween(oldest, today) > MAX_DAYS ? addDays(today, -MAX_DAYS) : oldest;
      rangeRef.current = clamped;
      setFrom(clamped);
      await load();
    }
  }

  function toggleArchive() {
    void setArchived.run(habit.id, !habit.archivedAt);
  }

  return (
    <div className="screen detail-screen" style={habitColorStyle(habit.color)}>
      <header className="screen-header">
        <BackLink fallback="/habits">
          <BackIcon width={18} height={18} />
        </BackLink>
        <div className="detail-title">
          <HabitIcon icon={habit.icon} name={habit.name} color={habit.color} />
          <div>
            <h1 ref={heading} tabIndex={-1}>
              {habit.name}
            </h1>
            <p className="subtitle">
              {scheduleText(habit, weekStart)}
              {habit.measure.kind === 'numeric' ? ` · ${targetText(habit)}` : ''}
              {habit.archivedAt ? ` · ${t('detail.archived')}` : ''}
            </p>
          </div>
        </div>
        <div className="detail-actions">
          <Link to={`/habits/${habit.id}/edit`} className="button button-small">
            {t('detail.edit')}
          </Link>
          <button
            type="button"
            className="button button-small"
            onClick={() => void toggleArchive()}
          >
            {habit.archivedAt ? t('habits.unarchive') : t('habits.archive')}
          </button>
        </div>
        {habit.description ? <p className="description">{habit.description}</p> : null}
      </header>

      <dl className="stats" data-testid="detail-stats">
        <div className="stat">
          <dt>{t('grid.streak')}</dt>
          <dd data-testid="current-streak">{streakText(streak)}</dd>
        </div>
        <div className="stat">
          <dt>{t('detail.bestStreak')}</dt>
          <dd data-testid="best-streak">{streakText({ ...streak, current: streak.best })}</dd>
        </div>
        <div className="stat">
          <dt>{t('detail.strength')}</dt>
          <dd>{formatPercent(score)}</dd>
        </div>
        <div className="stat">
          <dt>{t('detail.completions')}</dt>
          <dd>{formatNumber(doneCount)}</dd>
        </div>
      </dl>

      <section className="card" aria-labelledby="calendar-title">
        <div className="card-header">
          <h2 id="calendar-title" className="card-title">
            {t('detail.history')}
          </h2>
          <DayLegend numeric={habit.measure.kind === 'numeric'} />
        </div>
        <p className="hint">{t('detail.historyHint')}</p>
        <HistoryCalendar
          habit={habit}
          months={months}
          checkins={checkins}
          today={today}
          focusDate={focusDate ?? today}
          onFocusDate={setFocusDate}
          onPick={setPicked}
          weekStart={weekStart}
        />
        {canShowEarlier ? (
          <button type="button" className="button button-block" onClick={() => void showEarlier()}>
            {t('detail.showEarlier')}
          </button>
        ) : null}
      </section>

      <ValueChart history={history} weekStart={weekStart as Weekday} />

      <div className="chart-grid-2">
        <section className="card" aria-labelledby="score-title">
          <h2 id="score-title" className="card-title">
            {t('detail.strengthOverTime')}
          </h2>
          <ScoreChart points={points} color={habit.color} />
        </section>
        <section className="card" aria-labelledby="weekday-title">
          <h2 id="weekday-title" className="card-title">
            {t('detail.byWeekday')}
          </h2>
          <WeekdayChart counts={history.weekdayCounts} weekStart={weekStart} color={habit.color} />
        </section>
      </div>

      {notes.length > 0 ? (
        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title" className="card-title">
            {t('detail.notes')}
          </h2>
          <ul className="notes">
            {notes.map((c) => (
              <li key={c.date}>
                <span className="note-date">{formatFullDate(c.date)}</span>
                <span>{c.note}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {picked ? (
        <CheckinDialog
          habit={habit}
          date={picked}
          isToday={picked === today}
          checkin={checkins.get(picked) ?? null}
          onClose={() => setPicked(null)}
        />
      ) : null}
    </div>
  );
}
