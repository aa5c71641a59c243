/**
 * The history heatmap as month calendars: big enough to tap on a phone, compact enough to show
 * a year at a glance on a desktop. One tab stop; arrow keys move by day and week.
 */
import {
  addDays,
  dayStatus,
  daysInMonth,
  endOfWeek,
  monthOf,
  startOfMonth,
  type Weekday,
  weekdayOf,
  yearOf,
} from '@habit-tracker/core';
import { type KeyboardEvent, memo, useRef } from 'react';
import type { CheckinDto, Habit } from '../../api/client';
import { t } from '../../i18n/i18n';
import { DayMark, dayStateText } from '../../shared/components/day-mark';
import { formatFullDate, formatMonthYear, weekdayName } from '../../shared/lib/format';

interface Props {
  habit: Habit;
  months: string[]; // first days of months, newest first
  checkins: Map<string, CheckinDto>;
  today: string;
  focusDate: string;
  onFocusDate: (date: string) => void;
  onPick: (date: string) => void;
  weekStart: number;
}

function describeDay(
  habit: Habit,
  date: string,
  checkin: CheckinDto | undefined,
  status: ReturnType<typeof dayStatus>,
): string {
  const unit = habit.measure.kind === 'numeric' ? habit.measure.unit : null;
  const state = dayStateText(status, unit, checkin);
  return t('calendar.day', {
    date: formatFullDate(date),
    state,
    note: checkin?.note ? 'yes' : 'no',
  });
}

export const HistoryCalendar = memo(function HistoryCalendar(props: Props) {
  const { habit, months, checkins, today, focusDate, onFocusDate, onPick, weekStart } = props;
  const root = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Right-to-left the week runs from the right: the arrow keys follow what the eye sees.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const moves: Record<string, number> = {
      ArrowLeft: rtl ? 1 : -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowUp: -7,
      ArrowDown: 7,
    };
    const delta = moves[event.key];
    if (delta === undefined) return;
    const oldest = months[months.length - 1]!;
    const next = addDays(focusDate, delta);
    if (next > today || next < oldest) return;
    event.preventDefault();
    onFocusDate(next);
    requestAnimationFrame(() =>
      root.current?.querySelector<HTMLButtonElement>(`[data-date="${next}"]`)?.focus(),
    );
  }

  const order = Array.from({ length: 7 }, (_, i) => ((weekStart - 1 + i) % 7) + 1);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move focus between the day buttons inside
    <div className="months" ref={root} onKeyDown={onKeyDown} data-testid="history-calendar">
      {months.map((first) => {
        const lead = (weekdayOf(first) - weekStart + 7) % 7;
        // The current month stops at the end of this week: no rows of empty future days.
        const lastShown = endOfWeek(today, weekStart as Weekday);
        const count = Math.min(
          daysInMonth(yearOf(first), monthOf(first)),
          lastShown.slice(0, 7) === first.slice(0, 7) ? Number(lastShown.slice(8)) : 31,
        );
        return (
          <section key={first} className="month" aria-label={formatMonthYear(first)}>
            <h3 className="month-title">{formatMonthYear(first)}</h3>
            <div className="month-grid">
              {order.map((d) => (
                <span key={`h${d}`} className="weekday-head" aria-hidden="true">
                  {weekdayName(d, 'narrow')}
                </span>
              ))}
              {Array.from({ length: lead }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed leading blanks
                <span key={`b${i}`} className="day-blank" />
              ))}
              {Array.from({ length: count }, (_, i) => {
                const date = addDays(first, i);
                const checkin = checkins.get(date);
                if (date > today) {
                  return (
                    <span key={date} className="day day-future" aria-hidden="true">
                      {i + 1}
                    </span>
                  );
                }
                const status = dayStatus(habit.measure, checkin, date, {
                  today,
                  startDate: habit.startDate,
                });
                const numeric = habit.measure.kind === 'numeric';
                const label = describeDay(habit, date, checkin, status);
                return (
                  <button
                    key={date}
                    type="button"
                    className={`ds day${date === today ? ' day-today' : ''}${checkin?.note ? ' day-note' : ''}`}
                    data-status={status}
                    data-date={date}
                    tabIndex={date === focusDate ? 0 : -1}
                    aria-label={label}
                    title={label}
                    onClick={() => {
                      onFocusDate(date);
                      onPick(date);
                    }}
                  >
                    <span className="day-number">{i + 1}</span>
                    {numeric && checkin?.state === 'done' ? (
                      <DayMark status={status} value={checkin.value} numeric />
                    ) : null}
                  </button>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
});

/** First days of the months from `from`'s month to `to`'s, newest first. */
export function monthsBetween(from: string, to: string): string[] {
  const result: string[] = [];
  let cursor = startOfMonth(to);
  const stop = startOfMonth(from);
  while (cursor >= stop) {
    result.push(cursor);
    cursor = startOfMonth(addDays(cursor, -1));
  }
  return result;
}
