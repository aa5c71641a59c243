/**
 * One day's state, drawn the same way everywhere a day is (the Today grid, the history
 * calendar, the legends): a fill or ring that has 3:1 contrast with the page in both themes, plus
 * a mark or the amount, so no state relies on colour alone. styles.css: `.ds[data-status]`.
 */
import type { DayStatus } from '@habit-tracker/core';
import { type MessageId, t, useT } from '../../i18n/i18n';
import { formatCompact, formatNumber } from '../lib/format';

/** How a day's state is read out (in a sentence about the day): translate with `t`. */
export const STATUS_LABEL: Record<DayStatus, MessageId> = {
  met: 'day.status.met',
  partly: 'day.status.partly',
  over: 'day.status.over',
  skipped: 'day.status.skipped',
  none: 'day.status.none',
};

/**
 * A day's state as read out: "done", "7 km, partly done", "no entry, counts as 0 min: within the
 * limit" (an at-most habit's empty day is met).
 */
export function dayStateText(
  status: DayStatus,
  unit: string | null,
  checkin: { state: string; value?: number | null } | null | undefined,
): string {
  const state = t(STATUS_LABEL[status]);
  if (unit !== null && checkin?.state === 'done') {
    return t('day.amountState', { amount: formatNumber(checkin.value ?? 0), unit, state });
  }
  if (unit !== null && status === 'met' && !checkin) {
    return t('day.withinLimit', { zero: formatNumber(0), unit });
  }
  return state;
}

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

const LEGEND: { status: DayStatus; label: MessageId; mark: string; numericOnly?: boolean }[] = [
  { status: 'met', label: 'legend.met', mark: '✓' },
  { status: 'partly', label: 'legend.partly', mark: '3', numericOnly: true },
  { status: 'over', label: 'legend.over', mark: '3!', numericOnly: true },
  { status: 'skipped', label: 'legend.skipped', mark: '–' },
  { status: 'none', label: 'legend.none', mark: '' },
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
  const t = useT();
  return (
    <ul className={`legend ${className}`} aria-label={t('legend.label')} data-testid="day-legend">
      {LEGEND.filter((l) => numeric || !l.numericOnly).map((l) => (
        <li key={l.status}>
          <span className="ds ds-swatch" data-status={l.status} aria-hidden="true">
            {l.mark}
          </span>
          <span>{t(l.label)}</span>
        </li>
      ))}
      {notDue ? (
        <li>
          <span className="ds ds-swatch" data-status="none" data-due="false" aria-hidden="true" />
          <span>{t('legend.notDue')}</span>
        </li>
      ) : null}
    </ul>
  );
}
