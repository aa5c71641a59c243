import type { Checkin, LocalDate } from '../src';

export const done = (date: LocalDate, value: number | null = null): Checkin => ({
  date,
  state: 'done',
  value,
});

export const skip = (date: LocalDate): Checkin => ({ date, state: 'skipped', value: null });

/** Every date from `from` to `to` inclusive, done. */
export function doneEveryDay(from: LocalDate, to: LocalDate): Checkin[] {
  const out: Checkin[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (;;) {
    const date = d.toISOString().slice(0, 10);
    if (date > to) return out;
    out.push(done(date));
    d.setUTCDate(d.getUTCDate() + 1);
  }
}
