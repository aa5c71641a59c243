/**
 * Records one day of one habit: done (with a value for numeric habits), skipped, or nothing,
 * plus an optional note. The write goes through the offline queue like every check-in.
 */
import { useId, useState } from 'react';
import type { CheckinDto, Habit } from '../api/client';
import { formatFullDate, formatNumber, targetText } from '../lib/format';
import { enqueueCheckin } from '../offline/sync';
import { Dialog } from './dialog';

type Mode = 'done' | 'skipped' | 'none';

interface Props {
  habit: Habit;
  date: string;
  isToday: boolean;
  checkin: CheckinDto | null;
  onClose: () => void;
}

export function CheckinDialog({ habit, date, isToday, checkin, onClose }: Props) {
  const numeric = habit.measure.kind === 'numeric' ? habit.measure : null;
  const [mode, setMode] = useState<Mode>(checkin?.state ?? 'done');
  const [value, setValue] = useState(
    checkin?.value != null ? String(checkin.value) : numeric ? '' : '',
  );
  const [note, setNote] = useState(checkin?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  function submit() {
    if (mode === 'none') {
      void enqueueCheckin({
        habitId: habit.id,
        habitName: habit.name,
        date,
        op: 'delete',
        body: null,
      });
      onClose();
      return;
    }
    let amount: number | null = null;
    if (numeric && mode === 'done') {
      amount = Number(value.replace(',', '.'));
      if (value.trim() === '' || !Number.isFinite(amount) || amount < 0) {
        setError(`Enter how many ${numeric.unit} (a number, 0 or more).`);
        return;
      }
      if (amount > 1e9) {
        setError('That number is too large.');
        return;
      }
    }
    void enqueueCheckin({
      habitId: habit.id,
      habitName: habit.name,
      date,
      op: 'put',
      body: { state: mode, value: amount, note: note.trim() ? note.trim() : null },
    });
    onClose();
  }

  const title = `${habit.name} — ${isToday ? 'today' : formatFullDate(date)}`;
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="checkin-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <fieldset className="segmented">
          <legend className="label">Status</legend>
          {(
            [
              ['done', 'Done'],
              ['skipped', 'Skipped'],
              ['none', 'Not recorded'],
            ] as const
          ).map(([m, label]) => (
            <label key={m} className="segment">
              <input
                type="radio"
                name={`${id}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        {numeric && mode === 'done' ? (
          <div className="field">
            <label className="label" htmlFor={`${id}-value`}>
              Amount ({numeric.unit})
            </label>
            <div className="input-with-unit">
              <input
                id={`${id}-value`}
                className="input"
                type="number"
                inputMode="decimal"
                step="any"
                min="0"
                value={value}
                placeholder={formatNumber(numeric.target)}
                aria-describedby={`${id}-value-hint`}
                aria-invalid={error ? true : undefined}
                onChange={(e) => {
                  setValue(e.target.value);
                  setError(null);
                }}
                autoFocus
              />
              <span className="unit">{numeric.unit}</span>
            </div>
            <p id={`${id}-value-hint`} className="hint">
              Target: {targetText(habit)}
            </p>
          </div>
        ) : null}
        {mode !== 'none' ? (
          <div className="field">
            <label className="label" htmlFor={`${id}-note`}>
              Note <span className="optional">(optional)</span>
            </label>
            <textarea
              id={`${id}-note`}
              className="input"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
        ) : (
          <p className="hint">This day will have no entry.</p>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
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
