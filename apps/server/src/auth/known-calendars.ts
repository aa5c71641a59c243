/**
 * Each recent session's calendar (time zone, day start, week start) as this process last read
 * it, so GET /today can compute the user's today *before* its one statement, which then checks
 * the session and reads the Today view together (middleware/auth.ts, requireAuthWithToday).
 *
 * Only a guess: the statement returns the settings as stored, and the Today handler reads again
 * when they no longer give the same today and week start (another region, or this one, changed
 * them). Bounded, oldest first out: a few hundred bytes per session, at most MAX_SESSIONS.
 */
import type { SettingsRow } from '@habit-tracker/db';

const MAX_SESSIONS = 10_000;

export type Calendar = Pick<SettingsRow, 'timeZone' | 'dayStartHour' | 'weekStart'>;

export class KnownCalendars {
  readonly #bySession = new Map<string, Calendar>();

  constructor(private readonly capacity = MAX_SESSIONS) {}

  get(sessionId: string): Calendar | undefined {
    return this.#bySession.get(sessionId);
  }

  remember(sessionId: string, settings: Calendar): void {
    const known = this.#bySession.get(sessionId);
    if (
      known?.timeZone === settings.timeZone &&
      known.dayStartHour === settings.dayStartHour &&
      known.weekStart === settings.weekStart
    ) {
      return;
    }
    this.#bySession.delete(sessionId);
    this.#bySession.set(sessionId, {
      timeZone: settings.timeZone,
      dayStartHour: settings.dayStartHour,
      weekStart: settings.weekStart,
    });
    if (this.#bySession.size > this.capacity) {
      const oldest = this.#bySession.keys().next().value;
      if (oldest !== undefined) this.#bySession.delete(oldest);
    }
  }

  forget(sessionId: string): void {
    this.#bySession.delete(sessionId);
  }

  get size(): number {
    return this.#bySession.size;
  }
}
