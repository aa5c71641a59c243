import { localDateOf, type Weekday } from '@habit-tracker/core';
import { HABIT_COLORS, LIMITS, SCHEDULE_LIMITS } from '@habit-tracker/vocabulary';
import { useEffect, useId, useState } from 'react';
import { api, type Group, type Habit, type HabitCreate } from '../api/client';
import { type MessageId, useT } from '../i18n/i18n';
import { HabitReminders } from '../reminders/habit-reminders';
import { Link, navigate } from '../router';
import { ConfirmDialog } from '../shared/components/dialog';
import { Field, InputField } from '../shared/components/field';
import { FormError } from '../shared/components/form-error';
import { habitColorStyle } from '../shared/components/habit-icon';
import { BackIcon } from '../shared/components/icons';
import { LoadingCard } from '../shared/components/loading-card';
import { friendlyError } from '../shared/lib/errors';
import { weekdayName } from '../shared/lib/format';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { useMutation } from '../shared/lib/use-mutation';
import { todayStore } from '../today/store';
import {
  emptyForm,
  type Form,
  firstFreeColor,
  formFromHabit,
  SCHEDULE_KINDS,
  scheduleSummary,
  toBody,
} from './habit-form';
import { ICONS } from './habit-options';

const COLOR_NAMES: Record<(typeof HABIT_COLORS)[number]['value'], MessageId> = {
  '#3b82f6': 'color.blue',
  '#22c55e': 'color.green',
  '#eab308': 'color.yellow',
  '#ef4444': 'color.red',
  '#a855f7': 'color.purple',
  '#ec4899': 'color.pink',
  '#14b8a6': 'color.teal',
  '#f97316': 'color.orange',
  '#6366f1': 'color.indigo',
  '#0ea5e9': 'color.sky',
  '#64748b': 'color.slate',
};

export default function HabitEditorScreen({ id }: { id?: string }) {
  const t = useT();
  const editing = id !== undefined;
  const heading = useHeadingFocus<HTMLHeadingElement>(
    editing ? t('editor.titleEdit') : t('today.newHabit'),
  );
  const today = todayStore.get().data;
  const weekStart = (today?.settings.weekStart ?? 1) as Weekday;
  // The user's today from Today; before it has loaded, core's rule on this device's zone.
  const todayDate =
    today?.date ??
    localDateOf(new Date(), {
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      dayStartHour: 0,
    });
  const [form, setForm] = useState<Form | null>(() =>
    editing
      ? null
      : emptyForm(todayDate, firstFreeColor(today?.habits.map((h) => h.habit.color) ?? [])),
  );
  const [habit, setHabit] = useState<Habit | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The form's own checks (before sending); the server's come from the mutation. */
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [groups, setGroups] = useState<Group[]>([]);
  const uid = useId();

  useEffect(() => {
    api
      .groups()
      .then((r) => setGroups(r.groups))
      .catch(() => setGroups([])); // no groups to offer: the habit stays where it is
  }, []);

  const saveHabit = useMutation(
    (body: HabitCreate) => (id ? api.updateHabit(id, body) : api.createHabit(body)),
    {
      success: (saved) =>
        id ? t('editor.saved', { name: saved.name }) : t('editor.created', { name: saved.name }),
      onSuccess: (saved) => navigate(id ? `/habits/${saved.id}` : '/'),
    },
  );
  const deleteHabit = useMutation(() => api.deleteHabit(id!), {
    success: () => t('habits.deleted', { name: habit?.name ?? '' }),
    onSuccess: () => navigate('/habits', { replace: true }),
  });

  useEffect(() => {
    if (!id) return;
    api
      .habit(id)
      .then((h) => {
        setHabit(h);
        setForm(formFromHabit(h, todayDate));
      })
      .catch((e) => setLoadError(friendlyError(e)));
  }, [id, todayDate]);

  if (!form) {
    return (
      <div className="screen">
        <h1 ref={heading} tabIndex={-1}>
          {t('editor.titleEdit')}
        </h1>
        <LoadingCard error={loadError} />
      </div>
    );
  }

  const errors = { ...saveHabit.fields, ...checks };
  const error =
    Object.keys(checks).length > 0
      ? t('editor.fixDetails')
      : (saveHabit.error ?? deleteHabit.error);
  const busy = saveHabit.busy || deleteHabit.busy;
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => (f ? { ...f, [key]: value } : f));
  const err = (path: string) =>
    errors[path] ? (
      <p className="field-error" id={`${uid}-${path}-error`}>
        {errors[path]}
      </p>
    ) : null;

  async function save() {
    if (!form) return;
    const result = toBody(form);
    if ('errors' in result) {
      setChecks(result.errors);
      return;
    }
    setChecks({});
    await saveHabit.run(result.body);
  }

  async function remove() {
    if (!id) return;
    if (!(await deleteHabit.run()).ok) setConfirmDelete(false);
  }

  const weekOrder = Array.from({ length: 7 }, (_, i) => (((weekStart - 1 + i) % 7) + 1) as Weekday);

  return (
    <div className="screen editor-screen">
      <header className="screen-header">
        <Link to={id ? `/habits/${id}` : '/'} className="back-link">
          <BackIcon width={18} height={18} /> {id ? t('editor.backToHabit') : t('shell.back')}
        </Link>
        <h1 ref={heading} tabIndex={-1}>
          {editing ? t('editor.titleEdit') : t('today.newHabit')}
        </h1>
      </header>
      <form
        className="form editor-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <section className="card form-section">
          <div className="preview" style={habitColorStyle(form.color)} aria-hidden="true">
            <span className="habit-icon habit-icon-large">
              {form.icon || form.name.trim().charAt(0).toUpperCase() || '?'}
            </span>
            <span className="preview-name">{form.name || t('editor.previewName')}</span>
          </div>
          <InputField
            label={t('editor.name')}
            error={errors.name}
            className="input"
            maxLength={LIMITS.nameMax}
            placeholder={t('editor.namePlaceholder')}
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
          />
          <fieldset className="field">
            <legend className="label">{t('editor.icon')}</legend>
            <div className="icon-picker">
              {ICONS.map((icon) => (
                <button
                  key={icon}
                  type="button"
                  className="icon-choice"
                  aria-pressed={form.icon === icon}
                  aria-label={t('editor.iconChoice', { icon })}
                  onClick={() => set('icon', form.icon === icon ? '' : icon)}
                >
                  {icon}
                </button>
              ))}
              <label className="sr-only" htmlFor={`${uid}-icon`}>
                {t('editor.iconCustom')}
              </label>
              <input
                id={`${uid}-icon`}
                className="input icon-input"
                maxLength={LIMITS.iconMax}
                placeholder={t('editor.iconPlaceholder')}
                value={ICONS.includes(form.icon) ? '' : form.icon}
                onChange={(e) => set('icon', e.target.value)}
              />
            </div>
          </fieldset>
          <fieldset className="field">
            <legend className="label">{t('editor.colour')}</legend>
            <div className="color-picker">
              {HABIT_COLORS.map((c) => (
                <label key={c.value} className="color-choice" style={habitColorStyle(c.value)}>
                  <input
                    type="radio"
                    name={`${uid}-color`}
                    value={c.value}
                    checked={form.color.toLowerCase() === c.value}
                    onChange={() => set('color', c.value)}
                  />
                  <span className="sr-only">{t(COLOR_NAMES[c.value])}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {groups.length > 0 ? (
            <Field label={t('editor.group')} optional hint={t('editor.groupHint')}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={form.groupId}
                  onChange={(e) => set('groupId', e.target.value)}
                >
                  <option value="">{t('editor.noGroup')}</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field label={t('editor.description')} optional>
            {(control) => (
              <textarea
                {...control}
                className="input"
                rows={2}
                maxLength={LIMITS.descriptionMax}
                value={form.description}
                onChange={(e) => set('description', e.target.value)}
              />
            )}
          </Field>
        </section>

        <section className="card form-section">
          <fieldset className="field">
            <legend className="label">{t('editor.track')}</legend>
            <div className="choice-cards two">
              <label className="choice-card">
                <input
                  type="radio"
                  name={`${uid}-kind`}
                  checked={form.measureKind === 'boolean'}
                  onChange={() => set('measureKind', 'boolean')}
                />
                <span className="choice-title">{t('editor.yesNo')}</span>
                <span className="choice-hint">{t('editor.yesNoHint')}</span>
              </label>
              <label className="choice-card">
                <input
                  type="radio"
                  name={`${uid}-kind`}
                  checked={form.measureKind === 'numeric'}
                  onChange={() => set('measureKind', 'numeric')}
                />
                <span className="choice-title">{t('editor.number')}</span>
                <span className="choice-hint">{t('editor.numberHint')}</span>
              </label>
            </div>
          </fieldset>
          {form.measureKind === 'numeric' ? (
            <div className="field-row">
              <Field label={t('editor.goal')}>
                {(control) => (
                  <select
                    {...control}
                    className="input"
                    value={form.direction}
                    onChange={(e) => set('direction', e.target.value as Form['direction'])}
                  >
                    <option value="at_least">{t('editor.atLeast')}</option>
                    <option value="at_most">{t('editor.atMost')}</option>
                  </select>
                )}
              </Field>
              <InputField
                label={t('editor.target')}
                error={errors['measure.target']}
                className="input"
                type="number"
                inputMode="decimal"
                min="0"
                step="any"
                value={form.target}
                onChange={(e) => set('target', e.target.value)}
              />
              <InputField
                label={t('editor.unit')}
                error={errors['measure.unit']}
                className="input"
                maxLength={LIMITS.unitMax}
                placeholder="km"
                value={form.unit}
                onChange={(e) => set('unit', e.target.value)}
              />
            </div>
          ) : null}
        </section>

        <section className="card form-section">
          <fieldset className="field">
            <legend className="label">{t('editor.howOften')}</legend>
            <div className="choice-cards">
              {SCHEDULE_KINDS.map((s) => (
                <label key={s.kind} className="choice-card">
                  <input
                    type="radio"
                    name={`${uid}-schedule`}
                    value={s.kind}
                    checked={form.scheduleKind === s.kind}
                    onChange={() => set('scheduleKind', s.kind)}
                  />
                  <span className="choice-title">{t(s.label)}</span>
                  <span className="choice-hint">{t(s.hint)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {form.scheduleKind === 'weekdays' ? (
            <fieldset className="field">
              <legend className="label">{t('editor.days')}</legend>
              <div className="day-picker">
                {weekOrder.map((d) => (
                  <label key={d} className="day-choice">
                    <input
                      type="checkbox"
                      checked={form.days.includes(d)}
                      onChange={(e) =>
                        set(
                          'days',
                          e.target.checked ? [...form.days, d] : form.days.filter((x) => x !== d),
                        )
                      }
                    />
                    <span aria-hidden="true">{weekdayName(d, 'narrow')}</span>
                    <span className="sr-only">{weekdayName(d, 'long')}</span>
                  </label>
                ))}
              </div>
              {err('schedule.days')}
            </fieldset>
          ) : null}
          {form.scheduleKind === 'times_per_week' || form.scheduleKind === 'times_per_month' ? (
            <CountField
              label={
                form.scheduleKind === 'times_per_week'
                  ? t('editor.timesPerWeek')
                  : t('editor.timesPerMonth')
              }
              error={errors['schedule.times']}
              min={1}
              max={
                form.scheduleKind === 'times_per_week'
                  ? SCHEDULE_LIMITS.timesPerWeek.max
                  : SCHEDULE_LIMITS.timesPerMonth.max
              }
              value={
                form.scheduleKind === 'times_per_week' ? form.timesPerWeek : form.timesPerMonth
              }
              onChange={(v) =>
                set(form.scheduleKind === 'times_per_week' ? 'timesPerWeek' : 'timesPerMonth', v)
              }
            />
          ) : null}
          {form.scheduleKind === 'every_n_days' ? (
            <div className="field-row">
              <CountField
                label={t('editor.interval')}
                error={errors['schedule.interval']}
                min={SCHEDULE_LIMITS.everyNDays.min}
                max={SCHEDULE_LIMITS.everyNDays.max}
                value={form.interval}
                onChange={(v) => set('interval', v)}
              />
              <InputField
                label={t('editor.startingOn')}
                error={errors['schedule.startDate']}
                className="input"
                type="date"
                value={form.startDate}
                onChange={(e) => set('startDate', e.target.value)}
              />
            </div>
          ) : null}
          {form.scheduleKind === 'times_in_days' ? (
            <div className="field-row">
              <CountField
                label={t('editor.howManyTimes')}
                error={errors['schedule.times']}
                min={1}
                max={364}
                value={form.windowTimes}
                onChange={(v) => set('windowTimes', v)}
              />
              <CountField
                label={t('editor.inAnyDays')}
                error={errors['schedule.days']}
                min={2}
                max={365}
                value={form.windowDays}
                onChange={(v) => set('windowDays', v)}
              />
            </div>
          ) : null}
          <p className="schedule-summary" aria-live="polite" data-testid="schedule-summary">
            {scheduleSummary(form, weekStart)}
          </p>
        </section>

        <FormError error={error} />
        <div className="form-actions">
          {editing ? (
            <button
              type="button"
              className="button button-danger-ghost"
              onClick={() => setConfirmDelete(true)}
            >
              {t('common.delete')}
            </button>
          ) : null}
          <span className="spacer" />
          <Link to={id ? `/habits/${id}` : '/'} className="button">
            {t('common.cancel')}
          </Link>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : editing ? t('editor.saveChanges') : t('editor.create')}
          </button>
        </div>
      </form>
      {id ? <HabitReminders habitId={id} weekStart={weekStart} /> : null}
      {confirmDelete ? (
        <ConfirmDialog
          title={t('habits.deleteTitle', { name: habit?.name ?? '' })}
          description={t('editor.deleteDescription')}
          confirmLabel={t('editor.deleteConfirm')}
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onClose={() => setConfirmDelete(false)}
        />
      ) : null}
    </div>
  );
}

/** A whole number of the schedule (times, days): a narrow number box in a Field. */
function CountField({
  label,
  error,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  error: string | undefined;
  min: number;
  max: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <InputField
      label={label}
      error={error}
      className="input input-narrow"
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
