import { isMet } from '@habit-tracker/core';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { CheckinDto, TodayHabit } from '../api/client';
import { api } from '../api/client';
import { T, useT } from '../i18n/i18n';
import { enqueueCheckin, syncStore } from '../offline/sync';
import { Link, navigate } from '../router';
import { DayLegend } from '../shared/components/day-mark';
import { PlusIcon } from '../shared/components/icons';
import { ScreenHeader } from '../shared/components/screen-header';
import { toast } from '../shared/components/toast';
import { friendlyError } from '../shared/lib/errors';
import { formatDayMonth, formatNumber, formatWeekday, timeAgo } from '../shared/lib/format';
import { useStore } from '../shared/lib/store';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useWidth } from '../shared/lib/use-width';
import { CheckinDialog } from './checkin-dialog';
import { isDayOver } from './day-clock';
import { type DayTarget, HabitGrid } from './habit-grid';
import { type GridDay, gridDates } from './model';
import { QuickEntry } from './quick-entry';
import { RejectedList } from './rejected-list';
import { ShortcutsDialog, useShortcuts } from './shortcuts';
import { currentToday, loadToday, todayStore, useToday } from './store';
import { TimeZoneNudge } from './time-zone-nudge';
import { useCollapsedGroups } from './use-collapsed-groups';

/** Days the grid shows at a width: at least 5 (a 360 px phone), up to the 14 Today returns. */
export function daysThatFit(width: number): number {
  // Phones put the days on a line of their own (styles.css); wider screens beside the name.
  const room = width < 480 ? width - 18 : width - 190 - 40 - 18;
  const cell = width < 480 ? 44 : 46;
  return Math.max(5, Math.min(14, Math.floor(room / cell)));
}

type Editing =
  | { kind: 'full'; item: TodayHabit; date: string; checkin: CheckinDto | null }
  | { kind: 'amount'; item: TodayHabit; date: string; value: number | null };

export default function TodayScreen() {
  const { data, error, source, fetchedAt } = useToday();
  const { online } = useStore(syncStore);
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(t('today.title'));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [focus, setFocus] = useState<DayTarget | null>(null);
  const [collapsed, toggleGroup] = useCollapsedGroups();
  const [gridRef, width] = useWidth<HTMLDivElement>(360);
  const [showShortcuts, setShowShortcuts] = useShortcuts({
    newHabit: () => navigate('/habits/new'),
  });

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
        <ScreenHeader heading={heading} title={t('today.title')} />
        {error ? (
          <div className="empty-state" role="alert">
            <p>{error}</p>
            <button type="button" className="button" onClick={() => void loadToday()}>
              {t('today.retry')}
            </button>
          </div>
        ) : (
          <TodaySkeleton />
        )}
      </div>
    );
  }

  const today = data.date;
  const due = data.habits.filter((h) => h.due);
  const doneCount = due.filter((h) => isMet(h.habit.measure, h.checkin)).length;
  const dates = gridDates(today, daysThatFit(width));
  const numeric = data.habits.some((h) => h.habit.measure.kind === 'numeric');
  const notDue = data.habits.some(
    (h) => h.habit.schedule.kind === 'weekdays' || h.habit.schedule.kind === 'every_n_days',
  );

  /**
   * The page may still show a day that has ended (a sleeping phone woke up): then the tap is
   * not recorded — the page moves on and says which day it is now.
   */
  function stillToday(): boolean {
    const shown = currentToday();
    if (!shown || !isDayOver(shown)) return true;
    void loadToday();
    toast(t('today.newDay'), { tone: 'error' });
    return false;
  }

  function onDay(item: TodayHabit, day: GridDay) {
    if (!stillToday()) return;
    const { habit } = item;
    if (habit.measure.kind === 'numeric') {
      setEditing({
        kind: 'amount',
        item,
        date: day.date,
        value: day.checkin?.state === 'done' ? day.checkin.value : null,
      });
      return;
    }
    const done = day.checkin?.state === 'done';
    void enqueueCheckin({
      habitId: habit.id,
      habitName: habit.name,
      date: day.date,
      op: done ? 'delete' : 'put',
      // No note: the server keeps the day's note (a tap knows only the state).
      body: done ? null : { state: 'done' },
      // Unmarking keeps the day's note and photos: the grid does not know earlier days' notes,
      // so the server decides whether the day stays as a note-only day.
      ...(done ? { keep: 'notes' as const } : {}),
    });
  }

  async function openFull(item: TodayHabit, date: string) {
    if (date === today) {
      setEditing({ kind: 'full', item, date, checkin: item.checkin });
      return;
    }
    // Earlier days come without their notes: the dialog needs the day as the server has it.
    try {
      const history = await api.history(item.habit.id, { from: date, to: date });
      setEditing({ kind: 'full', item, date, checkin: history.checkins[0] ?? null });
    } catch (e) {
      toast(t('today.noteUnavailable', { error: friendlyError(e) }), { tone: 'error' });
    }
  }

  const editingItem = editing
    ? (data.habits.find((h) => h.habit.id === editing.item.habit.id) ?? editing.item)
    : null;

  return (
    <div className="screen today-screen">
      <header className="screen-header today-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {formatWeekday(today)}
          </h1>
          <p className="subtitle" data-testid="today-date" data-date={today}>
            {formatDayMonth(today)}
          </p>
        </div>
        {due.length > 0 ? <DayRing done={doneCount} total={due.length} /> : null}
      </header>

      {source === 'cache' && fetchedAt ? (
        <p className="notice" data-testid="cache-notice">
          {t(online ? 'today.cacheOnline' : 'today.cacheOffline', { ago: timeAgo(fetchedAt) })}
        </p>
      ) : null}
      <TimeZoneNudge timeZone={data.settings.timeZone} />
      <RejectedList />

      {data.habits.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t('today.empty.title')}</p>
          <p>{t('today.empty.body')}</p>
          <Link to="/habits/new" className="button button-primary">
            <PlusIcon width={18} height={18} /> {t('today.empty.create')}
          </Link>
          <p>
            <T
              id="today.empty.import"
              values={{ link: (chunks) => <Link to="/import">{chunks}</Link> }}
            />
          </p>
        </div>
      ) : (
        <>
          <div ref={gridRef} className="grid-wrap">
            <HabitGrid
              habits={data.habits}
              groups={data.groups}
              dates={dates}
              today={today}
              weekStart={data.settings.weekStart}
              focus={focus}
              collapsed={collapsed}
              onFocus={setFocus}
              onDay={onDay}
              onMore={(item) => void openFull(item, today)}
              onToggleGroup={toggleGroup}
            />
          </div>
          <DayLegend numeric={numeric} notDue={notDue} className="grid-legend" />
          <p className="hint keyboard-hint">
            <T id="today.keyboardHint" values={{ kbd: (chunks) => <kbd>{chunks}</kbd> }} />
          </p>
          <div className="screen-footer-actions">
            <Link to="/habits/new" className="button">
              <PlusIcon width={18} height={18} /> {t('today.newHabit')}
            </Link>
          </div>
        </>
      )}
      {editing?.kind === 'full' && editingItem ? (
        <CheckinDialog
          habit={editingItem.habit}
          date={editing.date}
          isToday={editing.date === today}
          checkin={editing.date === today ? editingItem.checkin : editing.checkin}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'amount' && editingItem ? (
        <QuickEntry
          habit={editingItem.habit}
          date={editing.date}
          isToday={editing.date === today}
          value={editing.value}
          onSave={(value) =>
            void enqueueCheckin({
              habitId: editingItem.habit.id,
              habitName: editingItem.habit.name,
              date: editing.date,
              op: 'put',
              body: { state: 'done', value },
            })
          }
          onMore={() => void openFull(editingItem, editing.date)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {showShortcuts ? <ShortcutsDialog onClose={() => setShowShortcuts(false)} /> : null}
    </div>
  );
}

function DayRing({ done, total }: { done: number; total: number }) {
  const t = useT();
  const r = 22;
  const c = 2 * Math.PI * r;
  const fraction = total === 0 ? 0 : done / total;
  return (
    <div className="day-ring" role="img" aria-label={t('today.ring', { done, total })}>
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
        {formatNumber(done)}/{formatNumber(total)}
      </span>
    </div>
  );
}

function TodaySkeleton() {
  const t = useT();
  return (
    <div aria-busy="true">
      <p className="sr-only">{t('today.loading')}</p>
      <div className="section-title skeleton-text" />
      <ul className="habit-list">
        {[0, 1, 2].map((i) => (
          <li key={i} className="habit-row skeleton-row" />
        ))}
      </ul>
    </div>
  );
}
