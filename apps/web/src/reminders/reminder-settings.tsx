/**
 * Settings → Reminders: this device's push subscription (turn on, send a test), the other
 * devices (remove), and vacations (pause reminders; the days count as skips).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { api, type Habit } from '../api/client';
import { useT } from '../i18n/i18n';
import { InputField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { friendlyError } from '../shared/lib/errors';
import { formatFullDate, formatInstantDate, formatPlainList } from '../shared/lib/format';
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
  const t = useT();
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
    <FormCard title={t('reminders.devices.title')} testId="reminder-devices">
      {support === 'needs-home-screen' ? (
        <p data-testid="push-needs-home-screen">{t('reminders.devices.needsHomeScreen')}</p>
      ) : support === 'unsupported' ? (
        <p data-testid="push-unsupported">{t('reminders.devices.unsupported')}</p>
      ) : mine ? (
        <>
          <p>{t('reminders.devices.thisDevice')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={act.busy}
              onClick={() =>
                void act.run(
                  () => remindersApi.testDevice(mine.id),
                  t('reminders.devices.testSent'),
                )
              }
              data-testid="send-test"
            >
              {t('reminders.devices.sendTest')}
            </button>
            <button
              type="button"
              className="button"
              disabled={act.busy}
              onClick={() =>
                void act.run(
                  () => remindersApi.removeDevice(mine.id),
                  t('reminders.devices.offHere'),
                )
              }
            >
              {t('reminders.devices.turnOffHere')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('reminders.devices.intro')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={act.busy}
              onClick={() => void act.run(enablePush, t('reminders.devices.onHere'))}
              data-testid="enable-push"
            >
              {t('reminders.devices.turnOnHere')}
            </button>
          </div>
        </>
      )}
      {others.length > 0 ? (
        <>
          <h3 className="subheading">{t('reminders.devices.others')}</h3>
          <ul className="plain-list">
            {others.map((d) => (
              <li key={d.id} className="list-row">
                <span>
                  {d.label || t('reminders.devices.aBrowser')}
                  <span className="hint">
                    {' · '}
                    {t('reminders.devices.added', { date: formatInstantDate(d.createdAt) })}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={act.busy}
                  onClick={() =>
                    void act.run(
                      () => remindersApi.removeDevice(d.id),
                      t('reminders.devices.removed'),
                    )
                  }
                  aria-label={
                    d.label
                      ? t('reminders.devices.removeNamed', { device: d.label })
                      : t('reminders.devices.removeUnnamed')
                  }
                >
                  {t('reminders.devices.remove')}
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
  const t = useT();
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
      success: t('reminders.vacation.saved'),
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

  const name = (id: string) =>
    habits.find((h) => h.id === id)?.name ?? t('reminders.vacation.aHabit');

  return (
    <FormCard title={t('reminders.vacation.title')} testId="vacations">
      <p className="hint">{t('reminders.vacation.hint')}</p>
      {vacations && vacations.length > 0 ? (
        <ul className="plain-list">
          {vacations.map((v) => (
            <li key={v.id} className="list-row">
              <span>
                {v.from === v.to
                  ? formatFullDate(v.from)
                  : t('reminders.vacation.range', {
                      from: formatFullDate(v.from),
                      to: formatFullDate(v.to),
                    })}
                {' · '}
                {v.habitIds === null
                  ? t('reminders.vacation.allHabitsInline')
                  : formatPlainList(v.habitIds.map(name))}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={remove.busy}
                onClick={() => message.run(remove, v)}
              >
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field-row">
        <InputField
          label={t('reminders.vacation.from')}
          className="input"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <InputField
          label={t('reminders.vacation.to')}
          className="input"
          type="date"
          value={to}
          min={from}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <fieldset className="field">
        <legend className="label">{t('reminders.vacation.habits')}</legend>
        <label className="check">
          <input type="radio" name={`${uid}-which`} checked={all} onChange={() => setAll(true)} />{' '}
          {t('reminders.vacation.allHabits')}
        </label>
        <label className="check">
          <input type="radio" name={`${uid}-which`} checked={!all} onChange={() => setAll(false)} />{' '}
          {t('reminders.vacation.someHabits')}
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
          {add.busy ? t('common.saving') : t('reminders.vacation.add')}
        </button>
      </FormActions>
    </FormCard>
  );
}
