/**
 * The habit editor's Reminders section: times of day (the user's wall clock) on the habit's due
 * days or on chosen weekdays. Saved at once, apart from the habit form.
 */
import type { Weekday } from '@habit-tracker/core';
import { useEffect, useId, useState } from 'react';
import { friendlyError } from '../api/client';
import { Link } from '../router';
import { FormError } from '../shared/components/form-error';
import { toast } from '../shared/components/toast';
import { weekdayName } from '../shared/lib/format';
import { type Reminder, remindersApi } from './api';

export function describeDays(days: number[] | null): string {
  if (days === null) return 'on its due days';
  if (days.length === 7) return 'every day';
  return `on ${days.map((d) => weekdayName(d as Weekday, 'short')).join(', ')}`;
}

export function HabitReminders({ habitId, weekStart }: { habitId: string; weekStart: Weekday }) {
  const uid = useId();
  const [reminders, setReminders] = useState<Reminder[] | null>(null);
  const [time, setTime] = useState('08:00');
  const [chooseDays, setChooseDays] = useState(false);
  const [days, setDays] = useState<Weekday[]>([1, 2, 3, 4, 5]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    remindersApi
      .list(habitId)
      .then((r) => setReminders(r.reminders))
      .catch((e) => setError(friendlyError(e)));
  }, [habitId]);

  async function add() {
    setBusy(true);
    setError(null);
    try {
      const created = await remindersApi.create({
        habitId,
        time,
        days: chooseDays ? [...days].sort() : null,
      });
      setReminders((r) => [...(r ?? []), created].sort((a, b) => a.time.localeCompare(b.time)));
      toast(`Reminder at ${created.time} added.`);
    } catch (e) {
      setError(friendlyError(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(reminder: Reminder) {
    setError(null);
    try {
      await remindersApi.remove(reminder.id);
      setReminders((r) => (r ?? []).filter((x) => x.id !== reminder.id));
    } catch (e) {
      setError(friendlyError(e));
    }
  }

  const weekOrder = Array.from({ length: 7 }, (_, i) => (((weekStart - 1 + i) % 7) + 1) as Weekday);

  return (
    <section
      className="card form-section"
      aria-labelledby={`${uid}-title`}
      data-testid="habit-reminders"
    >
      <h2 id={`${uid}-title`} className="card-title">
        Reminders
      </h2>
      <p className="hint">
        A notification at these times names the habit only when it is due and not done yet. Turn
        reminders on for this device in <Link to="/settings">Settings</Link>.
      </p>
      {reminders === null ? null : reminders.length === 0 ? (
        <p>No reminders yet.</p>
      ) : (
        <ul className="plain-list">
          {reminders.map((r) => (
            <li key={r.id} className="list-row">
              <span>
                <strong>{r.time}</strong> {describeDays(r.days)}
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => void remove(r)}
                aria-label={`Delete the reminder at ${r.time}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <div className="field">
          <label className="label" htmlFor={`${uid}-time`}>
            Time
          </label>
          <input
            id={`${uid}-time`}
            className="input input-narrow"
            type="time"
            required
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend className="label">Days</legend>
          <label className="check">
            <input
              type="radio"
              name={`${uid}-days`}
              checked={!chooseDays}
              onChange={() => setChooseDays(false)}
            />{' '}
            When the habit is due
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${uid}-days`}
              checked={chooseDays}
              onChange={() => setChooseDays(true)}
            />{' '}
            On chosen days
          </label>
        </fieldset>
      </div>
      {chooseDays ? (
        <fieldset className="field">
          <legend className="sr-only">Remind on</legend>
          <div className="day-picker">
            {weekOrder.map((d) => (
              <label key={d} className="day-choice">
                <input
                  type="checkbox"
                  checked={days.includes(d)}
                  onChange={(e) =>
                    setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))
                  }
                />
                <span aria-hidden="true">{weekdayName(d, 'narrow')}</span>
                <span className="sr-only">{weekdayName(d, 'long')}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <FormError error={error} />
      <div className="form-actions">
        <span className="spacer" />
        <button
          type="button"
          className="button"
          disabled={busy || !/^\d{2}:\d{2}$/.test(time) || (chooseDays && days.length === 0)}
          onClick={() => void add()}
          data-testid="add-reminder"
        >
          {busy ? 'Adding…' : 'Add reminder'}
        </button>
      </div>
    </section>
  );
}
