/**
 * A numeric day in two or three taps: −1 / +1 steppers and "add N" change the running total,
 * which stays editable; Save queues it like every check-in. The field has no placeholder, so an
 * empty box never looks like a value; the target is said beside it. "More" opens the full
 * check-in dialog (skip, note, photos).
 */
import { useState } from 'react';
import type { Habit } from '../api/client';
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

/** The field's text as an amount, or why it is not one. */
export function parseAmount(text: string): { value: number } | { error: string } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { error: 'Enter an amount (0 or more).' };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) return { error: 'Enter a number, 0 or more.' };
  if (value > 1e9) return { error: 'That number is too large.' };
  return { value };
}

/** A stepped total never goes below 0, and keeps the decimals the user typed. */
export function step(text: string, by: number): string {
  const parsed = parseAmount(text);
  const base = 'value' in parsed ? parsed.value : 0;
  return String(Math.max(0, Math.round((base + by) * 1e6) / 1e6));
}

export function QuickEntry({ habit, date, isToday, value, onSave, onMore, onClose }: Props) {
  const unit = habit.measure.kind === 'numeric' ? habit.measure.unit : '';
  const [total, setTotal] = useState(value === null ? '' : String(value));
  const [add, setAdd] = useState('');
  const [error, setError] = useState<string | null>(null);

  function save() {
    if (total.trim() === '' && value === null) {
      setError('Enter an amount (0 or more).');
      return;
    }
    const parsed = parseAmount(total);
    if ('error' in parsed) {
      setError(parsed.error);
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
      setError(parsed.error);
      return;
    }
    changeTotal(step(total, parsed.value));
    setAdd('');
  }

  const title = `${habit.name} — ${isToday ? 'today' : formatFullDate(date)}`;
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
          label={`Total (${unit})`}
          hint={`Target: ${targetText(habit)}${value !== null ? ` · recorded so far: ${formatNumber(value)} ${unit}` : ''}`}
        >
          {(control) => (
            <div className="stepper">
              <button
                type="button"
                className="button stepper-button"
                aria-label={`Remove 1 ${unit}`}
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
                aria-label={`Add 1 ${unit}`}
                onClick={() => changeTotal(step(total, 1))}
              >
                +1
              </button>
            </div>
          )}
        </Field>
        <Field label="Add to the total">
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
                Add
              </button>
            </div>
          )}
        </Field>
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onMore}>
            More…
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
