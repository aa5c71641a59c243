/**
 * Today's grid: each habit's recent days under one date header, like Loop's main screen. A tap
 * on a yes/no day marks it done (or clears it); a numeric day opens quick entry. One tab stop
 * for all the days (roving focus): the arrow keys move between days and habits, Home/End jump
 * to the first and last day, Enter or Space acts on the focused day.
 */
import { type CSSProperties, type KeyboardEvent, useRef } from 'react';
import type { Group, TodayHabit } from '../api/client';
import { T, t, useT } from '../i18n/i18n';
import { Link } from '../router';
import { DayMark, dayStateText } from '../shared/components/day-mark';
import { HabitIcon, habitColorStyle } from '../shared/components/habit-icon';
import { DotsIcon, FlameIcon, NoteIcon } from '../shared/components/icons';
import {
  formatFullDate,
  formatNumber,
  formatPercent,
  progressText,
  scheduleText,
  streakText,
  weekdayName,
} from '../shared/lib/format';
import { type GridDay, gridDays, weekdayOfDate } from './model';

export interface DayTarget {
  habitId: string;
  date: string;
}

interface GridProps {
  habits: TodayHabit[];
  groups: Group[];
  dates: string[];
  today: string;
  weekStart: number;
  focus: DayTarget | null;
  collapsed: ReadonlySet<string>;
  onFocus: (target: DayTarget) => void;
  onDay: (item: TodayHabit, day: GridDay) => void;
  onMore: (item: TodayHabit) => void;
  onToggleGroup: (groupId: string) => void;
}

/** Ungrouped habits first (no heading), then each group in order. */
export function sections(habits: TodayHabit[], groups: Group[]) {
  const known = new Set(groups.map((g) => g.id));
  const ungrouped = habits.filter((h) => !h.habit.groupId || !known.has(h.habit.groupId));
  return [
    { group: null, habits: ungrouped },
    ...groups.map((group) => ({
      group,
      habits: habits.filter((h) => h.habit.groupId === group.id),
    })),
  ].filter((s) => s.habits.length > 0);
}

export function HabitGrid(props: GridProps) {
  const { habits, groups, dates, today, focus, collapsed } = props;
  const root = useRef<HTMLDivElement>(null);
  const parts = sections(habits, groups);
  // The rows the arrow keys walk through: the habits of open sections, in screen order.
  const visible = parts.flatMap((s) =>
    s.group && collapsed.has(s.group.id) ? [] : s.habits.map((h) => h.habit.id),
  );
  const focused =
    focus && visible.includes(focus.habitId) && dates.includes(focus.date)
      ? focus
      : visible[0]
        ? { habitId: visible[0], date: today }
        : null;

  function move(target: DayTarget) {
    props.onFocus(target);
    const button = () =>
      root.current?.querySelector<HTMLButtonElement>(
        `[data-habit-id="${target.habitId}"] [data-date="${target.date}"]`,
      );
    // Focus now when the day is on screen, so a key pressed next (Space, Enter) acts on it even
    // if the next frame is late; a frame later for a day the re-render is still drawing.
    const now = button();
    if (now) now.focus();
    else requestAnimationFrame(() => button()?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-date]');
    const row = cell?.closest<HTMLElement>('[data-habit-id]');
    if (!cell || !row || event.altKey || event.ctrlKey || event.metaKey) return;
    const date = cell.dataset.date!;
    const habitId = row.dataset.habitId!;
    const d = dates.indexOf(date);
    const h = visible.indexOf(habitId);
    let next: DayTarget | null = null;
    // Right-to-left the days run from the right: the arrow keys follow what the eye sees.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const earlier = rtl ? 'ArrowRight' : 'ArrowLeft';
    const later = rtl ? 'ArrowLeft' : 'ArrowRight';
    if (event.key === earlier && d > 0) next = { habitId, date: dates[d - 1]! };
    if (event.key === later && d < dates.length - 1) next = { habitId, date: dates[d + 1]! };
    if (event.key === 'ArrowUp' && h > 0) next = { habitId: visible[h - 1]!, date };
    if (event.key === 'ArrowDown' && h < visible.length - 1)
      next = { habitId: visible[h + 1]!, date };
    if (event.key === 'Home') next = { habitId, date: dates[0]! };
    if (event.key === 'End') next = { habitId, date: dates[dates.length - 1]! };
    if (!next) return;
    event.preventDefault();
    move(next);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move focus between the day buttons inside
    <div
      className="habit-grid"
      ref={root}
      onKeyDown={onKeyDown}
      data-testid="habit-grid"
      style={{ '--days': dates.length } as CSSProperties}
    >
      <DateHeader dates={dates} today={today} />
      {parts.map(({ group, habits: rows }) => {
        const open = !group || !collapsed.has(group.id);
        const listId = `group-${group?.id ?? 'none'}`;
        return (
          <section
            key={group?.id ?? 'ungrouped'}
            className="grid-section"
            aria-label={group ? group.name : t('shell.nav.habits')}
            data-testid="grid-section"
          >
            {group ? (
              <h2 className="group-heading">
                <button
                  type="button"
                  className="group-toggle"
                  aria-expanded={open}
                  aria-controls={listId}
                  onClick={() => props.onToggleGroup(group.id)}
                >
                  <span className="group-chevron" aria-hidden="true">
                    ›
                  </span>
                  <span className="group-name">{group.name}</span>
                  <span className="count">
                    <T
                      id="grid.groupCount"
                      values={{
                        done: rows.filter((r) => r.due && r.period.met).length,
                        total: rows.filter((r) => r.due).length,
                        sr: (chunks) => <span className="sr-only">{chunks}</span>,
                      }}
                    />
                  </span>
                </button>
              </h2>
            ) : null}
            {open ? (
              <ul className="grid-rows" id={listId} data-testid="today-list">
                {rows.map((item) => (
                  <HabitRow
                    key={item.habit.id}
                    item={item}
                    days={gridDays(item, dates, today)}
                    weekStart={props.weekStart}
                    focusDate={focused?.habitId === item.habit.id ? focused.date : null}
                    onDay={(day) => {
                      props.onFocus({ habitId: item.habit.id, date: day.date });
                      props.onDay(item, day);
                    }}
                    onMore={() => props.onMore(item)}
                  />
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function DateHeader({ dates, today }: { dates: string[]; today: string }) {
  return (
    <div className="grid-header" aria-hidden="true">
      <span className="grid-header-spacer" />
      {dates.map((date) => (
        <span key={date} className="grid-date" data-today={date === today}>
          <span className="grid-weekday">{weekdayName(weekdayOfDate(date), 'short')}</span>
          <span className="grid-daynum">{formatNumber(Number(date.slice(8)))}</span>
        </span>
      ))}
      <span className="grid-header-spacer" />
    </div>
  );
}

function dayLabel(item: TodayHabit, day: GridDay): string {
  const { habit } = item;
  const numeric = habit.measure.kind === 'numeric' ? habit.measure : null;
  const date = formatFullDate(day.date);
  const when = day.isToday ? t('grid.day.today', { date }) : date;
  const state = dayStateText(day.status, numeric?.unit ?? null, day.checkin);
  const action = numeric
    ? t('grid.day.enterAmount')
    : day.checkin?.state === 'done'
      ? t('grid.day.tapToClear')
      : t('grid.day.tapToMarkDone');
  const values = { habit: habit.name, when, state, action };
  return day.due ? t('grid.day.label', values) : t('grid.day.labelNotDue', values);
}

function HabitRow({
  item,
  days,
  weekStart,
  focusDate,
  onDay,
  onMore,
}: {
  item: TodayHabit;
  days: GridDay[];
  weekStart: number;
  focusDate: string | null;
  onDay: (day: GridDay) => void;
  onMore: () => void;
}) {
  const { habit, checkin, streak, score, period } = item;
  const t = useT();
  const numeric = habit.measure.kind === 'numeric';
  const state = checkin?.state ?? 'none';
  const todayDay = days[days.length - 1];
  return (
    <li
      className="grid-row"
      data-testid="habit-row"
      data-habit-id={habit.id}
      data-state={state}
      data-met={todayDay?.status === 'met'}
      data-due={item.due}
      style={habitColorStyle(habit.color)}
    >
      <span className="grid-habit">
        <HabitIcon icon={habit.icon} name={habit.name} color={habit.color} />
        <span className="habit-text">
          <Link to={`/habits/${habit.id}`} className="habit-name habit-link">
            {habit.name}
          </Link>
          <span className="habit-sub">
            <span className="habit-meta">
              {item.due ? progressText(item, weekStart) : t('grid.notDueToday')}
              {period.kind !== 'day' ? (
                <span className="sr-only"> ({scheduleText(habit, weekStart)})</span>
              ) : null}
              {checkin?.note ? (
                <span className="note-flag" title={checkin.note}>
                  <NoteIcon width={13} height={13} />
                  <span className="sr-only">{t('grid.hasNote')}</span>
                </span>
              ) : null}
            </span>
            <span className="habit-stats">
              <span className="streak" title={t('grid.streak')}>
                <FlameIcon width={13} height={13} className="streak-icon" />
                <span className="sr-only">{t('grid.streakLabel')} </span>
                {streakText(streak)}
              </span>
              <span className="score" title={t('grid.strength')}>
                <span className="sr-only">{t('grid.strengthLabel')} </span>
                {formatPercent(score)}
              </span>
            </span>
          </span>
        </span>
      </span>
      {days.map((day) => (
        <button
          key={day.date}
          type="button"
          className="ds grid-cell"
          data-status={day.status}
          data-due={day.due}
          data-today={day.isToday}
          data-date={day.date}
          data-testid={day.isToday ? 'check-button' : 'day-cell'}
          tabIndex={day.date === focusDate ? 0 : -1}
          aria-label={dayLabel(item, day)}
          aria-pressed={numeric ? undefined : day.checkin?.state === 'done'}
          title={dayLabel(item, day)}
          onClick={() => onDay(day)}
        >
          <DayMark
            status={day.status}
            value={day.checkin?.value ?? (day.status === 'met' ? 0 : null)}
            numeric={numeric}
          />
        </button>
      ))}
      <button
        type="button"
        className="icon-button more-button"
        aria-label={t('grid.more', { habit: habit.name })}
        onClick={onMore}
      >
        <DotsIcon width={20} height={20} />
      </button>
    </li>
  );
}
