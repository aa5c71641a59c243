/**
 * What every request handler can reach: the app's dependencies (`deps`, set once per request by
 * createApp) and, behind `requireAuth`, the signed-in user.
 */
import type { Database, SettingsRow, UserRow } from '@habit-tracker/db';
import type { AuthRateLimits } from './auth/rate-limits';
import type { Env } from './env';
import type { Logger } from './logger';

export interface Deps {
  env: Env;
  database: Database;
  logger: Logger;
  /** The current instant; tests pin it to make "today" deterministic. */
  clock: () => Date;
  rateLimits: AuthRateLimits;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    deps: Deps;
  };
};

export type AuthedEnv = {
  Variables: AppEnv['Variables'] & {
    user: UserRow;
    settings: SettingsRow;
    /** SHA-256 of the cookie token: the sessions table's key. */
    sessionId: string;
  };
};
