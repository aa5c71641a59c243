/**
 * One day's state, drawn the same way everywhere a day is (the Today grid, the history
 * calendar, the legends): a fill or ring that has 3:1 contrast with the page in both themes, plus
 * a mark or the amount, so no state relies on colour alone. styles.css: `.ds[data-status]`.
 */
import type { DayStatus } from '@habit-tracker/core';
import { formatCompact } from '../lib/format';

export const STATUS_LABEL: Record<DayStatus, string> = {
  met: 'done',
  partly: 'partly done',
  over: 'over the limit',
  skipped: 'skipped',
  none: 'no entry',
};

/** What sits inside a day: the amount of a numeric day, else a mark for its state. */
export function DayMark({
  status,
  value,
  numeric,
}: {
  status: DayStatus;
  value: number | null | undefined;
  numeric: boolean;
}) {
  if (status === 'skipped')
    return (
      <span className="ds-mark" aria-hidden="true">
        –
      </span>
    );
  if (numeric && value !== null && value !== undefined && status !== 'none') {
    return (
      <span className="ds-value" aria-hidden="true">
        {formatCompact(value)}
        {status === 'over' ? <span className="ds-flag">!</span> : null}
      </span>
    );
  }
  if (status === 'met')
    return (
      <span className="ds-mark" aria-hidden="true">
        ✓
      </span>
    );
  return null;
}

const LEGEND: { status: DayStatus; label: string; mark: string; numericOnly?: boolean }[] = [
  { status: 'met', label: 'Done', mark: '✓' },
  { status: 'partly', label: 'Partly (below target)', mark: '3', numericOnly: true },
  { status: 'over', label: 'Over the limit', mark: '3!', numericOnly: true },
  { status: 'skipped', label: 'Skipped', mark: '–' },
  { status: 'none', label: 'No entry', mark: '' },
];

/** The states a view draws, explained; numeric states only where a numeric habit is shown. */
export function DayLegend({
  numeric,
  notDue = false,
  className = '',
}: {
  numeric: boolean;
  notDue?: boolean;
  className?: string;
}) {
  return (
    <ul className={`legend ${className}`} aria-label="Legend" data-testid="day-legend">
      {LEGEND.filter((l) => numeric || !l.numericOnly).map((l) => (
        <li key={l.status}>
          <span className="ds ds-swatch" data-status={l.status} aria-hidden="true">
            {l.mark}
          </span>
          <span>{l.label}</span>
        </li>
      ))}
      {notDue ? (
        <li>
          <span className="ds ds-swatch" data-status="none" data-due="false" aria-hidden="true" />
          <span>Not due</span>
        </li>
      ) : null}
    </ul>
  );
}
