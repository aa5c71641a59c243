import { isMet } from '@habit-tracker/core';
import { useEffect, useLayoutEffect, useState } from 'react';
import { api, friendlyError, type TodayHabit } from '../api/client';
import { enqueueCheckin, syncStore } from '../offline/sync';
import { Link } from '../router';
import { HabitIcon, habitColorStyle } from '../shared/components/habit-icon';
import {
  CheckIcon,
  DotsIcon,
  FlameIcon,
  NoteIcon,
  PlusIcon,
  SkipIcon,
} from '../shared/components/icons';
import { toast } from '../shared/components/toast';
import {
  formatDayMonth,
  formatNumber,
  formatPercent,
  formatWeekday,
  progressText,
  scheduleText,
  streakText,
  timeAgo,
} from '../shared/lib/format';
import { useStore } from '../shared/lib/store';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { CheckinDialog } from './checkin-dialog';
import { RejectedList } from './rejected-list';
import { loadToday, todayStore, useToday } from './store';

export default function TodayScreen() {
  const { data, error, source, fetchedAt } = useToday();
  const { online } = useStore(syncStore);
  const heading = useHeadingFocus<HTMLHeadingElement>('Today');
  const [editing, setEditing] = useState<TodayHabit | null>(null);

  useEffect(() => {
    // Entering Today again (or coming back to the tab) refreshes data older than a minute.
    const refreshIfStale = () => {
      const { fetchedAt: at, loading, source: src } = todayStore.get();
      if (!loading && (at === null || src === 'cache' || Date.now() - at > 60_000)) {
        void loadToday();
      }
    };
    refreshIfStale();
    const onVisible = () => document.visibilityState === 'visible' && refreshIfStale();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', refreshIfStale);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', refreshIfStale);
    };
  }, []);

  // Measured by the e2e suite: navigation start → the first frame that shows the habits.
  const hasData = data !== null;
  useLayoutEffect(() => {
    if (hasData && performance.getEntriesByName('today-visible').length === 0) {
      performance.mark('today-visible', { detail: { source } });
    }
  }, [hasData, source]);

  if (!data) {
    return (
      <div className="screen">
        <header className="screen-header">
          <h1 ref={heading} tabIndex={-1}>
            Today
          </h1>
        </header>
        {error ? (
          <div className="empty-state" role="alert">
            <p>{error}</p>
            <button type="button" className="button" onClick={() => void loadToday()}>
              Try again
            </button>
          </div>
        ) : (
          <TodaySkeleton />
        )}
      </div>
    );
  }

  const weekStart = data.settings.weekStart;
  const due = data.habits.filter((h) => h.due);
  const notDue = data.habits.filter((h) => !h.due);
  const doneCount = due.filter((h) => isMet(h.habit.measure, h.checkin)).length;

  return (
    <div className="screen">
      <header className="screen-header today-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {formatWeekday(data.date)}
          </h1>
          <p className="subtitle" data-testid="today-date" data-date={data.date}>
            {formatDayMonth(data.date)}
          </p>
        </div>
        {due.length > 0 ? <DayRing done={doneCount} total={due.length} /> : null}
      </header>

      {source === 'cache' && fetchedAt ? (
        <p className="notice" data-testid="cache-notice">
          {online
            ? `Showing what you saw ${timeAgo(fetchedAt)} while we refresh.`
            : `You’re offline. Showing what you saw ${timeAgo(fetchedAt)}; check-ins will sync when you’re back online.`}
        </p>
      ) : null}
      <TimeZoneNudge timeZone={data.settings.timeZone} />
      <RejectedList />

      {data.habits.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">No habits yet</p>
          <p>Start with something small you want to do regularly.</p>
          <Link to="/habits/new" className="button button-primary">
            <PlusIcon width={18} height={18} /> Create your first habit
          </Link>
          <p>
            Coming from Loop Habit Tracker? <Link to="/import">Import your history</Link>
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="due-title">
            <h2 id="due-title" className="section-title">
              Due today
            </h2>
            {due.length === 0 ? (
              <p className="muted-box">Nothing is due today. Enjoy the day!</p>
            ) : (
              <ul className="habit-list" data-testid="today-list">
                {due.map((item) => (
                  <TodayRow
                    key={item.habit.id}
                    item={item}
                    date={data.date}
                    weekStart={weekStart}
                    onMore={() => setEditing(item)}
                  />
                ))}
              </ul>
            )}
          </section>
          {notDue.length > 0 ? (
            <section aria-labelledby="not-due-title" className="quiet-section">
              <h2 id="not-due-title" className="section-title">
                Not due today
              </h2>
              <ul className="habit-list habit-list-quiet" data-testid="not-due-list">
                {notDue.map((item) => (
                  <TodayRow
                    key={item.habit.id}
                    item={item}
                    date={data.date}
                    weekStart={weekStart}
                    onMore={() => setEditing(item)}
                  />
                ))}
              </ul>
            </section>
          ) : null}
          <div className="screen-footer-actions">
            <Link to="/habits/new" className="button">
              <PlusIcon width={18} height={18} /> New habit
            </Link>
          </div>
        </>
      )}
      {editing ? (
        <CheckinDialog
          habit={editing.habit}
          date={data.date}
          isToday
          checkin={data.habits.find((h) => h.habit.id === editing.habit.id)?.checkin ?? null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

function TodayRow({
  item,
  date,
  weekStart,
  onMore,
}: {
  item: TodayHabit;
  date: string;
  weekStart: number;
  onMore: () => void;
}) {
  const { habit, checkin, streak, score, period } = item;
  const numeric = habit.measure.kind === 'numeric' ? habit.measure : null;
  const state = checkin?.state ?? 'none';
  const met = isMet(habit.measure, checkin);
  const periodSchedule = period.kind !== 'day';

  function toggle() {
    if (numeric) {
      onMore();
      return;
    }
    if (state === 'done') {
      void enqueueCheckin({
        habitId: habit.id,
        habitName: habit.name,
        date,
        op: 'delete',
        body: null,
      });
    } else {
      void enqueueCheckin({
        habitId: habit.id,
        habitName: habit.name,
        date,
        op: 'put',
        body: { state: 'done', value: null, note: checkin?.note ?? null },
      });
    }
  }

  const checkLabel = numeric
    ? `${habit.name}: enter ${numeric.unit}`
    : `${habit.name}: ${state === 'done' ? 'done (tap to undo)' : 'mark as done'}`;

  return (
    <li
      className="habit-row"
      data-state={state}
      data-met={met}
      data-testid="habit-row"
      data-habit-id={habit.id}
      style={habitColorStyle(habit.color)}
    >
      <HabitIcon icon={habit.icon} name={habit.name} color={habit.color} />
      <span className="habit-text">
        <Link to={`/habits/${habit.id}`} className="habit-name habit-link">
          {habit.name}
        </Link>
        <span className="habit-meta">
          {progressText(item, weekStart)}
          {periodSchedule ? (
            <span className="sr-only"> ({scheduleText(habit, weekStart)})</span>
          ) : null}
          {checkin?.note ? (
            <span className="note-flag" title={checkin.note}>
              <NoteIcon width={14} height={14} />
              <span className="sr-only">, has a note</span>
            </span>
          ) : null}
        </span>
      </span>
      <span className="habit-stats">
        <span className="streak" title="Current streak">
          <FlameIcon width={15} height={15} className="streak-icon" />
          <span className="sr-only">Current streak: </span>
          {streakText(streak)}
        </span>
        <span className="score" title="Habit strength">
          <span className="sr-only">Strength: </span>
          {formatPercent(score)}
        </span>
        {periodSchedule ? (
          <span className="period-bar" aria-hidden="true">
            <span
              className="period-fill"
              style={{
                width: `${Math.min(100, (period.done / Math.max(1, period.target)) * 100)}%`,
              }}
            />
          </span>
        ) : null}
      </span>
      <button
        type="button"
        className="icon-button more-button"
        aria-label={`More for ${habit.name}: skip, amount or note`}
        onClick={onMore}
      >
        <DotsIcon />
      </button>
      <button
        type="button"
        className="check-button"
        data-testid="check-button"
        aria-label={checkLabel}
        aria-pressed={numeric ? undefined : state === 'done'}
        onClick={toggle}
      >
        {state === 'skipped' ? (
          <SkipIcon />
        ) : numeric && checkin?.state === 'done' ? (
          <span className="check-value">{formatNumber(checkin.value ?? 0)}</span>
        ) : (
          <CheckIcon />
        )}
      </button>
    </li>
  );
}

function DayRing({ done, total }: { done: number; total: number }) {
  const r = 22;
  const c = 2 * Math.PI * r;
  const fraction = total === 0 ? 0 : done / total;
  return (
    <div className="day-ring" role="img" aria-label={`${done} of ${total} done today`}>
      <svg viewBox="0 0 52 52" width="52" height="52" aria-hidden="true">
        <circle cx="26" cy="26" r={r} className="ring-track" />
        <circle
          cx="26"
          cy="26"
          r={r}
          className="ring-fill"
          strokeDasharray={`${c * fraction} ${c}`}
          transform="rotate(-90 26 26)"
        />
      </svg>
      <span className="day-ring-text">
        {done}/{total}
      </span>
    </div>
  );
}

function TodaySkeleton() {
  return (
    <div aria-busy="true">
      <p className="sr-only">Loading today’s habits…</p>
      <div className="section-title skeleton-text" />
      <ul className="habit-list">
        {[0, 1, 2].map((i) => (
          <li key={i} className="habit-row skeleton-row" />
        ))}
      </ul>
    </div>
  );
}

const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** When the device's zone differs from the account's (travel), offer to switch — never silently. */
function TimeZoneNudge({ timeZone }: { timeZone: string }) {
  const key = `ht:tz-dismissed:${timeZone}:${deviceZone}`;
  const [hidden, setHidden] = useState(() => localStorage.getItem(key) === '1');
  const [busy, setBusy] = useState(false);
  if (!deviceZone || deviceZone === timeZone || hidden) return null;
  return (
    <div className="notice" data-testid="tz-nudge">
      <p>
        This device is in <strong>{deviceZone.replaceAll('_', ' ')}</strong>, but your days follow{' '}
        <strong>{timeZone.replaceAll('_', ' ')}</strong>.
      </p>
      <div className="notice-actions">
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await api.updateSettings({ timeZone: deviceZone });
              await loadToday();
              toast(`Your days now follow ${deviceZone}.`);
            } catch (error) {
              toast(friendlyError(error), { tone: 'error' });
            } finally {
              setBusy(false);
            }
          }}
        >
          Use {deviceZone.split('/').pop()?.replaceAll('_', ' ')}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            localStorage.setItem(key, '1');
            setHidden(true);
          }}
        >
          Keep {timeZone.split('/').pop()?.replaceAll('_', ' ')}
        </button>
      </div>
    </div>
  );
}
