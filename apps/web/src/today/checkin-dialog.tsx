/**
 * Records one day of one habit: done (with a value for numeric habits), skipped, or nothing,
 * plus an optional note and photos. A note on a day with nothing recorded is kept on its own (a
 * note-only day, as imports from Loop bring them): it counts for nothing. The write goes through the offline queue like every
 * check-in; photos go straight to the server (they are not queued).
 */
import { LIMITS } from '@habit-tracker/vocabulary';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import type { CheckinDto, CheckinPut, Habit } from '../api/client';
import { t as translate, useT } from '../i18n/i18n';
import { enqueueCheckin } from '../offline/sync';
import { Dialog } from '../shared/components/dialog';
import { Field } from '../shared/components/field';
import { FormError } from '../shared/components/form-error';
import { type Segment, Segmented } from '../shared/components/segmented';
import { formatFullDate, targetText } from '../shared/lib/format';

type Mode = 'done' | 'skipped' | 'none';

// Uploading, thumbnails and the photo viewer load with the dialog, not with the app.
const CheckinPhotos = lazy(() =>
  import('../files/checkin-photos').catch(() => ({
    default: () => <p className="hint">{translate('checkin.photosUnavailable')}</p>,
  })),
);

interface Props {
  habit: Habit;
  date: string;
  isToday: boolean;
  checkin: CheckinDto | null;
  onClose: () => void;
}

export function CheckinDialog({ habit, date, isToday, checkin, onClose }: Props) {
  const t = useT();
  const modes: Segment<Mode>[] = [
    { value: 'done', label: t('checkin.done') },
    { value: 'skipped', label: t('checkin.skipped') },
    { value: 'none', label: t('checkin.none') },
  ];
  const numeric = habit.measure.kind === 'numeric' ? habit.measure : null;
  const [mode, setMode] = useState<Mode>(
    checkin?.state === 'note' ? 'none' : (checkin?.state ?? 'done'),
  );
  const [value, setValue] = useState(
    checkin?.value != null ? String(checkin.value) : numeric ? '' : '',
  );
  const [note, setNote] = useState(checkin?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  /** The check-in this dialog already queued for its photos, so Save does not send it twice. */
  const queued = useRef<string | null>(null);

  /** The form as a check-in, or null (with the reason shown) when the amount is not valid. */
  function checkinBody(state: 'done' | 'skipped'): CheckinPut | null {
    let amount: number | null = null;
    if (numeric && state === 'done') {
      amount = Number(value.replace(',', '.'));
      if (value.trim() === '' || !Number.isFinite(amount) || amount < 0) {
        setError(t('checkin.amountInvalid', { unit: numeric.unit }));
        return null;
      }
      if (amount > 1e9) {
        setError(t('quickEntry.amountTooLarge'));
        return null;
      }
    }
    return { state, value: amount, note: note.trim() ? note.trim() : null };
  }

  function queue(op: 'put' | 'delete', body: CheckinPut | null) {
    queued.current = JSON.stringify(body);
    void enqueueCheckin({ habitId: habit.id, habitName: habit.name, date, op, body });
  }

  function submit() {
    const noteOnly = mode === 'none' && note.trim() !== '';
    const body: CheckinPut | null = noteOnly
      ? { state: 'note', value: null, note: note.trim() }
      : mode === 'none'
        ? null
        : checkinBody(mode);
    if (mode !== 'none' && !body) return;
    if (JSON.stringify(body) !== queued.current) queue(body ? 'put' : 'delete', body);
    onClose();
  }

  /** A photo needs a check-in on the server: queue the form as it is now (see checkin-photos). */
  function saveForPhotos(): boolean {
    if (mode === 'none') return false;
    const body = checkinBody(mode);
    if (body) queue('put', body);
    return body !== null;
  }

  const title = t('quickEntry.title', {
    habit: habit.name,
    day: isToday ? t('quickEntry.today') : formatFullDate(date),
  });
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        id={`${id}-form`}
        className="checkin-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Segmented
          legend={t('checkin.status')}
          legendVisible
          name={`${id}-mode`}
          options={modes}
          value={mode}
          onChange={setMode}
        />
        {numeric && mode === 'done' ? (
          <Field
            label={t('checkin.amount', { unit: numeric.unit })}
            hint={t('quickEntry.target', { target: targetText(habit) })}
          >
            {(control) => (
              <div className="input-with-unit">
                <input
                  {...control}
                  className="input"
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min="0"
                  value={value}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) => {
                    setValue(e.target.value);
                    setError(null);
                  }}
                  autoFocus
                />
                <span className="unit">{numeric.unit}</span>
              </div>
            )}
          </Field>
        ) : null}
        <Field
          label={t('checkin.note')}
          optional
          {...(mode === 'none'
            ? {
                hint: note.trim() ? t('checkin.noteOnly') : t('checkin.noEntry'),
              }
            : {})}
        >
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              maxLength={LIMITS.noteMax}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
      </form>
      {/* Outside the form: the photo dialogs have forms of their own, and React would pass
          their submit events up to this one. */}
      <Suspense fallback={<div className="photo-section" aria-busy="true" />}>
        <CheckinPhotos
          habit={habit}
          date={date}
          checkin={checkin}
          mode={mode}
          saveForPhotos={saveForPhotos}
        />
      </Suspense>
      <FormError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" form={`${id}-form`} className="button button-primary">
          {t('common.save')}
        </button>
      </div>
    </Dialog>
  );
}
