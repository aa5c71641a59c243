import { localDateOf } from '@habit-tracker/core';
import { LIMITS } from '@habit-tracker/vocabulary';
import { useEffect, useId, useState } from 'react';
import { afterSignOut, detectCalendar, signOut } from '../account/account';
import { api, type Me, type Settings } from '../api/client';
import { T, useT } from '../i18n/i18n';
import { syncStore } from '../offline/sync';
import { ReminderSettings } from '../reminders/reminder-settings';
import { Link } from '../router';
import { ConfirmDialog } from '../shared/components/dialog';
import { Field, PasswordField } from '../shared/components/field';
import { FormActions } from '../shared/components/form-actions';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { ScreenHeader } from '../shared/components/screen-header';
import { toast } from '../shared/components/toast';
import { fieldErrors, friendlyError } from '../shared/lib/errors';
import { formatClock, formatHour, weekdayName } from '../shared/lib/format';
import { usePasswordProblem } from '../shared/lib/password-check';
import { useStore } from '../shared/lib/store';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useMutation } from '../shared/lib/use-mutation';
import { todayStore } from '../today/store';
import { ApiTokenSettings } from './api-tokens';
import { InviteSettings } from './invites';
import { LanguageSettings } from './language-settings';
import { PasskeySettings } from './passkeys';
import { SignInMethodSettings } from './sign-in-methods';
import { TimeZonePicker } from './time-zone-picker';

function hourLabel(t: ReturnType<typeof useT>, h: number): string {
  const time = formatClock(`${String(h).padStart(2, '0')}:00`);
  if (h === 0) return t('settings.days.midnight', { time });
  return t('settings.days.hour', { hour: formatHour(h), time });
}

export default function SettingsScreen() {
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(t('shell.nav.settings'));
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .me()
      .then(setMe)
      .catch((e) => setError(friendlyError(e)));
  }, []);
  return (
    <div className="screen settings-screen">
      <ScreenHeader heading={heading} title={t('shell.nav.settings')} />
      <FormError error={error} />
      <LanguageSettings />
      {me ? (
        <>
          <CalendarSettings
            settings={me.settings}
            onSaved={(settings) => setMe({ ...me, settings })}
          />
          <ReminderSettings
            today={todayStore.get().data?.date ?? localDateOf(new Date(), me.settings)}
          />
          <DataSettings />
          <PasskeySettings />
          <SignInMethodSettings
            email={me.user.email}
            onPasswordSet={() => setMe({ ...me, user: { ...me.user, hasPassword: true } })}
          />
          <ApiTokenSettings />
          <InviteSettings />
          <AccountSettings me={me} />
        </>
      ) : error ? null : (
        <div className="card skeleton-card" aria-busy="true" />
      )}
    </div>
  );
}

function CalendarSettings({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (s: Settings) => void;
}) {
  const t = useT();
  const id = useId();
  const detected = detectCalendar().timeZone;
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [dayStartHour, setDayStartHour] = useState(settings.dayStartHour);
  const [weekStart, setWeekStart] = useState(settings.weekStart);
  const saveSettings = useMutation(
    () => api.updateSettings({ timeZone, dayStartHour, weekStart }),
    {
      success: t('settings.days.saved'),
      onSuccess: onSaved,
    },
  );
  const { busy, error } = saveSettings;
  const dirty =
    timeZone !== settings.timeZone ||
    dayStartHour !== settings.dayStartHour ||
    weekStart !== settings.weekStart;

  async function save() {
    await saveSettings.run();
  }

  return (
    <FormCard title={t('settings.days.title')}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <span className="label" id={`${id}-tz`}>
            {t('settings.days.timeZone')}
          </span>
          <p className="hint">
            <T
              id="settings.days.deviceZone"
              values={{
                zone: detected.replaceAll('_', ' '),
                strong: (chunks) => <strong>{chunks}</strong>,
              }}
            />{' '}
            {detected !== timeZone ? (
              <button type="button" className="link-button" onClick={() => setTimeZone(detected)}>
                {t('settings.days.useIt')}
              </button>
            ) : null}
          </p>
          <TimeZonePicker value={timeZone} onChange={setTimeZone} labelledBy={`${id}-tz`} />
        </div>
        <div className="field-row">
          <Field label={t('settings.days.dayStart')} hint={t('settings.days.dayStartHint')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={dayStartHour}
                onChange={(e) => setDayStartHour(Number(e.target.value))}
              >
                {Array.from({ length: 24 }, (_, h) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: hours are the identity
                  <option key={h} value={h}>
                    {hourLabel(t, h)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('settings.days.weekStart')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={weekStart}
                onChange={(e) => setWeekStart(Number(e.target.value) as Settings['weekStart'])}
              >
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option key={d} value={d}>
                    {weekdayName(d, 'long')}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <FormError error={error} />
        <FormActions>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !dirty}
            data-testid="save-settings"
          >
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </FormActions>
      </form>
    </FormCard>
  );
}

function DataSettings() {
  const t = useT();
  return (
    <FormCard title={t('settings.data.title')}>
      <p>{t('settings.data.text')}</p>
      <div className="button-row">
        <Link to="/settings/data" className="button">
          {t('settings.data.export')}
        </Link>
        <Link to="/import" className="button">
          {t('settings.data.import')}
        </Link>
      </div>
    </FormCard>
  );
}

function AccountSettings({ me }: { me: Me }) {
  const t = useT();
  const { pending } = useStore(syncStore);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [pwBusy, setPwBusy] = useState(false);
  const [pwError, setPwError] = useState<string | null>(null);
  const [pwFields, setPwFields] = useState<Record<string, string>>({});
  const [dialog, setDialog] = useState<null | 'everywhere' | 'delete' | 'sign-out'>(null);
  // The password, or for an account without one (an issuer made it) its email, typed.
  const [deleteConfirm, setDeleteConfirm] = useState('');
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { hasPassword } = me.user;

  const newPasswordProblem = usePasswordProblem(next, me.user.email);

  async function changePassword() {
    if (newPasswordProblem) {
      setPwFields({ newPassword: newPasswordProblem });
      return;
    }
    setPwBusy(true);
    setPwError(null);
    setPwFields({});
    try {
      await api.changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      toast(t('account.settings.passwordChanged'));
    } catch (e) {
      setPwError(friendlyError(e));
      setPwFields(fieldErrors(e));
    } finally {
      setPwBusy(false);
    }
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setDialogError(null);
    try {
      await action();
      setDialog(null);
    } catch (e) {
      setDialogError(friendlyError(e));
    } finally {
      setBusy(false);
    }
  }

  function requestSignOut() {
    if (pending.length > 0) setDialog('sign-out');
    else void run(signOut);
  }

  return (
    <>
      <FormCard title={t('account.settings.title')}>
        <p>
          <T
            id="account.settings.signedInAs"
            values={{
              email: (
                <strong key="email" data-testid="account-email">
                  {me.user.email}
                </strong>
              ),
            }}
          />
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={requestSignOut} data-testid="sign-out">
            {t('account.settings.signOut')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('everywhere')}>
            {t('account.settings.signOutEverywhere')}
          </button>
        </div>
      </FormCard>

      {/* Without a password, Sign-in methods offers to set a first one. */}
      {hasPassword ? (
        <FormCard title={t('account.settings.changePassword')}>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void changePassword();
            }}
          >
            <input type="email" autoComplete="username" value={me.user.email} readOnly hidden />
            <div className="field-row">
              <PasswordField
                label={t('account.settings.currentPassword')}
                autoComplete="current-password"
                required
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
              />
              <PasswordField
                label={t('account.settings.newPassword')}
                hint={
                  pwFields.newPassword ??
                  newPasswordProblem ??
                  t('account.password.hint', { min: LIMITS.passwordMin })
                }
                autoComplete="new-password"
                required
                minLength={LIMITS.passwordMin}
                value={next}
                onChange={(e) => {
                  setNext(e.target.value);
                  if (pwFields.newPassword) setPwFields(({ newPassword: _, ...rest }) => rest);
                }}
              />
            </div>
            <FormError error={pwError} />
            <FormActions>
              <button type="submit" className="button" disabled={pwBusy || !current || !next}>
                {pwBusy ? t('account.settings.changing') : t('account.settings.changePassword')}
              </button>
            </FormActions>
          </form>
        </FormCard>
      ) : null}

      <FormCard title={t('account.settings.deleteTitle')} className="danger-zone">
        <p>{t('account.settings.deleteBody')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button-danger"
            onClick={() => setDialog('delete')}
          >
            {t('account.settings.deleteOpen')}
          </button>
        </div>
      </FormCard>

      {dialog === 'sign-out' ? (
        <ConfirmDialog
          title={t('account.settings.unsyncedTitle')}
          description={t('account.settings.unsyncedBody', { count: pending.length })}
          confirmLabel={t('account.settings.unsyncedConfirm')}
          danger
          busy={busy}
          error={dialogError}
          onConfirm={() => void run(signOut)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'everywhere' ? (
        <ConfirmDialog
          title={t('account.settings.everywhereTitle')}
          description={t('account.settings.everywhereBody')}
          confirmLabel={t('account.settings.signOutEverywhere')}
          busy={busy}
          error={dialogError}
          onConfirm={() =>
            void run(async () => {
              await api.signOutEverywhere();
              await afterSignOut();
            })
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={t('account.settings.deleteConfirmTitle')}
          description={t('account.settings.deleteConfirmBody')}
          confirmLabel={t('account.settings.deleteConfirm')}
          danger
          busy={busy || !deleteConfirm}
          error={dialogError}
          onConfirm={() =>
            void run(async () => {
              await api.deleteAccount(
                hasPassword ? { password: deleteConfirm } : { email: deleteConfirm },
              );
              await afterSignOut();
              toast(t('account.settings.deleted'));
            })
          }
          onClose={() => {
            setDialog(null);
            setDeleteConfirm('');
          }}
        >
          {hasPassword ? (
            <PasswordField
              label={t('account.settings.deletePassword')}
              autoComplete="current-password"
              value={deleteConfirm}
              onChange={(e) => setDeleteConfirm(e.target.value)}
            />
          ) : (
            <Field label={t('account.settings.deleteEmail', { email: me.user.email })}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="email"
                  autoComplete="off"
                  spellCheck={false}
                  value={deleteConfirm}
                  onChange={(e) => setDeleteConfirm(e.target.value)}
                />
              )}
            </Field>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
