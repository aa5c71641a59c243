/**
 * What every request handler can reach: the app's dependencies (`deps`, set once per request by
 * createApp) and, behind `requireAuth`, the signed-in user.
 */
import type { Database, SettingsRow, UserRow } from '@habit-tracker/db';
import type { ObjectStore } from '@habit-tracker/storage';
import type { AuthRateLimits } from './auth/rate-limits';
import type { Env } from './env';
import type { ImportReader } from './lib/import-reader';
import type { ObjectCleanup } from './lib/object-cleanup';
import type { Logger } from './logger';

export interface Deps {
  env: Env;
  database: Database;
  logger: Logger;
  /** The current instant; tests pin it to make "today" deterministic. */
  clock: () => Date;
  rateLimits: AuthRateLimits;
  /** Photos, exports and import files (packages/storage). */
  storage: ObjectStore;
  /** Deletes from storage the objects whose rows are gone (lib/object-cleanup.ts). */
  objectCleanup: ObjectCleanup;
  /** Reads uploaded import files in capped worker threads (lib/import-reader.ts). */
  importReader: ImportReader;
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
