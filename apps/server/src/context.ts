/**
 * What every request handler can reach: the app's dependencies (`deps`, set once per request by
 * createApp), the request's database handles (`db`, chosen by region routing) and, behind
 * `requireAuth`, the signed-in user.
 */
import type { LocalDate, Weekday } from '@habit-tracker/core';
import type { Database, DbHandles, HabitWithMarks, SettingsRow, UserRow } from '@habit-tracker/db';
import type { ObjectStore } from '@habit-tracker/storage';
import type { ApiTokenUsage } from './auth/api-token-usage';
import type { KnownCalendars } from './auth/known-calendars';
import type { OidcIssuers } from './auth/oidc/issuers';
import type { AuthRateLimits } from './auth/rate-limits';
import type { Env } from './env';
import type { ImportReader } from './jobs/import-reader';
import type { ObjectCleanup } from './jobs/object-cleanup';
import type { VapidKeySource } from './jobs/reminders/vapid';
import type { Logger } from './logger';
import type { Mailer } from './mail/mailer';

export interface Deps {
  env: Env;
  /**
   * The database as opened: its state (kind, replica, replication) for routing and health, and
   * `database.primary` for a GET that must read the primary (say why where it does). Requests
   * query through `c.var.db`.
   */
  database: Database;
  logger: Logger;
  /** The current instant; tests pin it to make "today" deterministic. */
  clock: () => Date;
  rateLimits: AuthRateLimits;
  /** Personal API tokens' "last used", noted in memory and written in batches (auth/api-token-usage.ts). */
  apiTokenUsage: ApiTokenUsage;
  /** Recent sessions' calendars, so GET /today can be one statement (auth/known-calendars.ts). */
  calendars: KnownCalendars;
  /** Photos, exports and import files (packages/storage). */
  storage: ObjectStore;
  /** Deletes from storage the objects whose rows are gone (jobs/object-cleanup.ts). */
  objectCleanup: ObjectCleanup;
  /** Reads uploaded import files in capped worker threads (jobs/import-reader.ts). */
  importReader: ImportReader;
  /** Web Push: the VAPID keys, and a nudge for this machine's reminder sender (jobs/reminders). */
  reminders: { vapid: VapidKeySource; wake(): void };
  /** Email out: SMTP, the log in development, or unavailable (mail/mailer.ts). */
  mailer: Mailer;
  /** OpenID Connect issuers (OIDC_PROVIDERS), discovered at first use (auth/oidc/issuers.ts). */
  oidc: OidcIssuers;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    deps: Deps;
    /**
     * This request's handles (packages/db): `read`, `write`, `transaction`. Under /api only, set
     * by middleware/region-routing.ts before any route: a write's are all the primary; a read's
     * `read` is this region's replica when it has caught up with the client.
     */
    db: DbHandles;
  };
};

export type AuthedEnv = {
  Variables: AppEnv['Variables'] & {
    user: UserRow;
    settings: SettingsRow;
    /** SHA-256 of the cookie token: the sessions table's key. */
    sessionId: string;
    /**
     * The user's today (their time zone and day-start hour, core's `localDateOf`), computed once
     * per request so every rule in it agrees on the date.
     */
    today: LocalDate;
    /**
     * Behind requireAuthWithToday: the Today view read by the session lookup's own statement,
     * for the today and week start it assumed (the handler checks them against the above).
     */
    prefetchedToday?: { today: LocalDate; weekStart: Weekday; habits: HabitWithMarks[] };
  };
};
