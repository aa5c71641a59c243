/**
 * Settings → Reminders: this device's push subscription (turn on, send a test), the other
 * devices (remove), and vacations (pause reminders; the days count as skips).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { api, friendlyError, type Habit } from '../api/client';
import { InputField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { oneMessage, useMutation } from '../shared/lib/use-mutation';
import { type PushSubscriptionDto, remindersApi, type Vacation } from './api';
import { currentSubscription, enablePush, pushSupport } from './push';

export function ReminderSettings({ today }: { today: string }) {
  return (
    <>
      <DeviceSettings />
      <VacationSettings today={today} />
    </>
  );
}

function DeviceSettings() {
  const support = pushSupport();
  const [devices, setDevices] = useState<PushSubscriptionDto[] | null>(null);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [list, sub] = await Promise.all([
        remindersApi.devices(),
        support === 'supported' ? currentSubscription() : null,
      ]);
      setDevices(list.subscriptions);
      setEndpoint(sub?.endpoint ?? null);
    } catch (e) {
      setLoadError(friendlyError(e));
    }
  }, [support]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const mine = devices?.find((d) => d.endpoint === endpoint) ?? null;
  const others = devices?.filter((d) => d !== mine) ?? [];

  // The push side fails with the browser's own words (permission refused...), not the API's.
  const act = useMutation(
    async (action: () => Promise<unknown>, done?: string) => {
      setLoadError(null);
      await action();
      await refresh();
      return done;
    },
    {
      refreshToday: false,
      success: (done) => done,
      describe: (e) => (e instanceof Error && !('status' in e) ? e.message : friendlyError(e)),
    },
  );

  return (
    <FormCard title="Reminders on your devices" testId="reminder-devices">
      {support === 'needs-home-screen' ? (
        <p data-testid="push-needs-home-screen">
          On iPhone and iPad, reminders need the app on your Home Screen (iOS 16.4 or later): tap
          Share, then “Add to Home Screen”, and open Habit Tracker from there.
        </p>
      ) : support === 'unsupported' ? (
        <p data-testid="push-unsupported">
          This browser cannot show reminders. Try Chrome, Edge, Firefox or Safari.
        </p>
      ) : mine ? (
        <>
          <p>This device gets your reminders.</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={act.busy}
              onClick={() =>
                void act.run(() => remindersApi.testDevice(mine.id), 'Test notification sent.')
              }
              data-testid="send-test"
            >
              Send a test
            </button>
            <button
              type="button"
              className="button"
              disabled={act.busy}
              onClick={() =>
                void act.run(
                  () => remindersApi.removeDevice(mine.id),
                  'Reminders are off on this device.',
                )
              }
            >
              Turn off here
            </button>
          </div>
        </>
      ) : (
        <>
          <p>Get a notification when a habit with a reminder is due and not done yet.</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={act.busy}
              onClick={() => void act.run(enablePush, 'Reminders are on for this device.')}
              data-testid="enable-push"
            >
              Turn on reminders here
            </button>
          </div>
        </>
      )}
      {others.length > 0 ? (
        <>
          <h3 className="subheading">Other devices</h3>
          <ul className="plain-list">
            {others.map((d) => (
              <li key={d.id} className="list-row">
                <span>
                  {d.label || 'A browser'}
                  <span className="hint">
                    {' '}
                    · added {new Date(d.createdAt).toLocaleDateString()}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={act.busy}
                  onClick={() =>
                    void act.run(() => remindersApi.removeDevice(d.id), 'Device removed.')
                  }
                  aria-label={`Remove ${d.label || 'a browser'}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <FormError error={act.error ?? loadError} />
    </FormCard>
  );
}

function VacationSettings({ today }: { today: string }) {
  const uid = useId();
  const [vacations, setVacations] = useState<Vacation[] | null>(null);
  const [habits, setHabits] = useState<Habit[]>([]);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([remindersApi.vacations(), api.habits('active')])
      .then(([v, h]) => {
        setVacations(v.vacations);
        setHabits(h.habits);
      })
      .catch((e) => setLoadError(friendlyError(e)));
  }, []);

  // Vacation days count as skips, so Today is refreshed after each change (the hook's default).
  const add = useMutation(
    () => remindersApi.createVacation({ from, to, habitIds: all ? null : chosen }),
    {
      success: 'Vacation saved. Enjoy!',
      onSuccess: (created) => setVacations((v) => [created, ...(v ?? [])]),
    },
  );
  const remove = useMutation(
    async (v: Vacation) => {
      await remindersApi.removeVacation(v.id);
      return v;
    },
    { onSuccess: (v) => setVacations((list) => (list ?? []).filter((x) => x.id !== v.id)) },
  );
  const message = oneMessage(add, remove, { error: loadError, reset: () => setLoadError(null) });

  const name = (id: string) => habits.find((h) => h.id === id)?.name ?? 'a habit';

  return (
    <FormCard title="Vacation" testId="vacations">
      <p className="hint">
        No reminders while you are away, and those days count as skips: your streaks wait for you.
      </p>
      {vacations && vacations.length > 0 ? (
        <ul className="plain-list">
          {vacations.map((v) => (
            <li key={v.id} className="list-row">
              <span>
                {v.from === v.to ? v.from : `${v.from} to ${v.to}`} ·{' '}
                {v.habitIds === null ? 'all habits' : v.habitIds.map(name).join(', ')}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={remove.busy}
                onClick={() => message.run(remove, v)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field-row">
        <InputField
          label="From"
          className="input"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <InputField
          label="To"
          className="input"
          type="date"
          value={to}
          min={from}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <fieldset className="field">
        <legend className="label">Habits</legend>
        <label className="check">
          <input type="radio" name={`${uid}-which`} checked={all} onChange={() => setAll(true)} />{' '}
          All habits
        </label>
        <label className="check">
          <input type="radio" name={`${uid}-which`} checked={!all} onChange={() => setAll(false)} />{' '}
          Some habits
        </label>
        {!all
          ? habits.map((h) => (
              <label key={h.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(h.id)}
                  onChange={(e) =>
                    setChosen(
                      e.target.checked ? [...chosen, h.id] : chosen.filter((x) => x !== h.id),
                    )
                  }
                />{' '}
                {h.name}
              </label>
            ))
          : null}
      </fieldset>
      <FormError error={message.error} />
      <FormActions>
        <button
          type="button"
          className="button"
          disabled={add.busy || !from || !to || to < from || (!all && chosen.length === 0)}
          onClick={() => message.run(add)}
        >
          {add.busy ? 'Saving…' : 'Add vacation'}
        </button>
      </FormActions>
    </FormCard>
  );
}
