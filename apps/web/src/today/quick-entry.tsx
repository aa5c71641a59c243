/**
 * A numeric day in two or three taps: −1 / +1 steppers and "add N" change the running total,
 * which stays editable; Save queues it like every check-in. The field has no placeholder, so an
 * empty box never looks like a value; the target is said beside it. "More" opens the full
 * check-in dialog (skip, note, photos).
 */
import { useState } from 'react';
import type { Habit } from '../api/client';
import { type MessageId, useT } from '../i18n/i18n';
import { Dialog } from '../shared/components/dialog';
import { Field } from '../shared/components/field';
import { FormError } from '../shared/components/form-error';
import { formatFullDate, formatNumber, targetText } from '../shared/lib/format';

interface Props {
  habit: Habit;
  date: string;
  isToday: boolean;
  /** The day's amount so far (null: nothing recorded). */
  value: number | null;
  onSave: (value: number | null) => void;
  onMore: () => void;
  onClose: () => void;
}

/** The field's text as an amount, or why it is not one (a message to translate). */
export function parseAmount(text: string): { value: number } | { error: MessageId } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { error: 'quickEntry.amountMissing' };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) return { error: 'quickEntry.amountInvalid' };
  if (value > 1e9) return { error: 'quickEntry.amountTooLarge' };
  return { value };
}

/** A stepped total never goes below 0, and keeps the decimals the user typed. */
export function step(text: string, by: number): string {
  const parsed = parseAmount(text);
  const base = 'value' in parsed ? parsed.value : 0;
  return String(Math.max(0, Math.round((base + by) * 1e6) / 1e6));
}

export function QuickEntry({ habit, date, isToday, value, onSave, onMore, onClose }: Props) {
  const t = useT();
  const unit = habit.measure.kind === 'numeric' ? habit.measure.unit : '';
  const [total, setTotal] = useState(value === null ? '' : String(value));
  const [add, setAdd] = useState('');
  const [error, setError] = useState<string | null>(null);

  function save() {
    if (total.trim() === '' && value === null) {
      setError(t('quickEntry.amountMissing'));
      return;
    }
    const parsed = parseAmount(total);
    if ('error' in parsed) {
      setError(t(parsed.error));
      return;
    }
    onSave(parsed.value);
    onClose();
  }

  /** A new total, typed or stepped: the last error no longer applies. */
  function changeTotal(next: string) {
    setTotal(next);
    setError(null);
  }

  function addAmount() {
    const parsed = parseAmount(add);
    if ('error' in parsed) {
      setError(t(parsed.error));
      return;
    }
    changeTotal(step(total, parsed.value));
    setAdd('');
  }

  const title = t('quickEntry.title', {
    habit: habit.name,
    day: isToday ? t('quickEntry.today') : formatFullDate(date),
  });
  const target = targetText(habit);
  return (
    <Dialog title={title} onClose={onClose} className="quick-entry">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Field
          label={t('quickEntry.total', { unit })}
          hint={
            value === null
              ? t('quickEntry.target', { target })
              : t('quickEntry.targetSoFar', { target, amount: formatNumber(value), unit })
          }
        >
          {(control) => (
            <div className="stepper">
              <button
                type="button"
                className="button stepper-button"
                aria-label={t('quickEntry.removeOne', { unit })}
                onClick={() => changeTotal(step(total, -1))}
              >
                −1
              </button>
              <input
                {...control}
                className="input stepper-input"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={total}
                aria-invalid={error ? true : undefined}
                onChange={(e) => changeTotal(e.target.value)}
              />
              <button
                type="button"
                className="button stepper-button"
                aria-label={t('quickEntry.addOne', { unit })}
                onClick={() => changeTotal(step(total, 1))}
              >
                +1
              </button>
            </div>
          )}
        </Field>
        <Field label={t('quickEntry.addLabel')}>
          {(control) => (
            <div className="input-with-button">
              <input
                {...control}
                className="input"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={add}
                onChange={(e) => setAdd(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addAmount();
                  }
                }}
              />
              <button type="button" className="button" onClick={addAmount}>
                {t('quickEntry.add')}
              </button>
            </div>
          )}
        </Field>
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onMore}>
            {t('quickEntry.more')}
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
