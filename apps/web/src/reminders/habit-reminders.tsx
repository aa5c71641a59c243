/**
 * The habit editor's Reminders section: times of day (the user's wall clock) on the habit's due
 * days or on chosen weekdays. Saved at once, apart from the habit form.
 */
import type { Weekday } from '@habit-tracker/core';
import { useEffect, useId, useState } from 'react';
import { T, t, useT } from '../i18n/i18n';
import { Link } from '../router';
import { InputField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { friendlyError } from '../shared/lib/errors';
import { formatClock, formatList, weekdayName } from '../shared/lib/format';
import { oneMessage, useMutation } from '../shared/lib/use-mutation';
import { type Reminder, remindersApi } from './api';

export function describeDays(days: number[] | null): string {
  if (days === null) return t('reminders.onDueDays');
  if (days.length === 7) return t('reminders.everyDay');
  return t('reminders.onDays', {
    days: formatList(days.map((d) => weekdayName(d as Weekday, 'short'))),
  });
}

export function HabitReminders({ habitId, weekStart }: { habitId: string; weekStart: Weekday }) {
  const t = useT();
  const uid = useId();
  const [reminders, setReminders] = useState<Reminder[] | null>(null);
  const [time, setTime] = useState('08:00');
  const [chooseDays, setChooseDays] = useState(false);
  const [days, setDays] = useState<Weekday[]>([1, 2, 3, 4, 5]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    remindersApi
      .list(habitId)
      .then((r) => setReminders(r.reminders))
      .catch((e) => setLoadError(friendlyError(e)));
  }, [habitId]);

  // Reminders do not change what Today shows: no refresh.
  const add = useMutation(
    () => remindersApi.create({ habitId, time, days: chooseDays ? [...days].sort() : null }),
    {
      refreshToday: false,
      success: (created) => t('reminders.added', { time: formatClock(created.time) }),
      onSuccess: (created) =>
        setReminders((r) => [...(r ?? []), created].sort((a, b) => a.time.localeCompare(b.time))),
    },
  );
  const remove = useMutation(
    async (reminder: Reminder) => {
      await remindersApi.remove(reminder.id);
      return reminder;
    },
    {
      refreshToday: false,
      onSuccess: (reminder) => setReminders((r) => (r ?? []).filter((x) => x.id !== reminder.id)),
    },
  );
  const message = oneMessage(add, remove, { error: loadError, reset: () => setLoadError(null) });

  const weekOrder = Array.from({ length: 7 }, (_, i) => (((weekStart - 1 + i) % 7) + 1) as Weekday);

  return (
    <FormCard title={t('reminders.title')} testId="habit-reminders">
      <p className="hint">
        <T
          id="reminders.hint"
          values={{ link: (chunks) => <Link to="/settings">{chunks}</Link> }}
        />
      </p>
      {reminders === null ? null : reminders.length === 0 ? (
        <p>{t('reminders.none')}</p>
      ) : (
        <ul className="plain-list">
          {reminders.map((r) => (
            <li key={r.id} className="list-row">
              <span>
                <strong>{formatClock(r.time)}</strong> {describeDays(r.days)}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={remove.busy}
                onClick={() => message.run(remove, r)}
                aria-label={t('reminders.delete', { time: formatClock(r.time) })}
              >
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <InputField
          label={t('reminders.time')}
          className="input input-narrow"
          type="time"
          required
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
        <fieldset className="field">
          <legend className="label">{t('editor.days')}</legend>
          <label className="check">
            <input
              type="radio"
              name={`${uid}-days`}
              checked={!chooseDays}
              onChange={() => setChooseDays(false)}
            />{' '}
            {t('reminders.whenDue')}
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${uid}-days`}
              checked={chooseDays}
              onChange={() => setChooseDays(true)}
            />{' '}
            {t('reminders.chosenDays')}
          </label>
        </fieldset>
      </div>
      {chooseDays ? (
        <fieldset className="field">
          <legend className="sr-only">{t('reminders.remindOn')}</legend>
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
      <FormError error={message.error} />
      <FormActions>
        <button
          type="button"
          className="button"
          disabled={add.busy || !/^\d{2}:\d{2}$/.test(time) || (chooseDays && days.length === 0)}
          onClick={() => message.run(add)}
          data-testid="add-reminder"
        >
          {add.busy ? t('reminders.adding') : t('reminders.add')}
        </button>
      </FormActions>
    </FormCard>
  );
}
