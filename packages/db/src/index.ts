/**
 * The data layer: open the database, take a request's handles (`database.forRequest()`), then
 * call the queries with `read`, `write` or a transaction's `tx`.
 */
export type {
  Database,
  Db,
  DbHandles,
  OpenDatabaseOptions,
  PoolCounters,
  PoolStatistics,
  ReadSource,
  Replication,
  ReplicationStatus,
  RequestOptions,
} from './database';
export {
  EmailTakenError,
  isConnectionFailure,
  isInvalidTextError,
  isReadOnlyTransactionError,
  READ_ONLY_SQL_TRANSACTION,
} from './errors';
export { formatLsn, type Lsn, laterLsn, lsnDiff, lsnReached, parseLsn } from './lsn';
export { MIGRATIONS_FOLDER, migrate, openDatabase } from './open';
export { probeServer } from './probes';
export * from './queries/api-tokens';
export * from './queries/checkin-writes';
export * from './queries/checkins';
export * from './queries/data-exports';
export * from './queries/data-imports';
export * from './queries/groups';
export * from './queries/habits';
export * from './queries/idempotency';
export * from './queries/import-writes';
export * from './queries/object-deletions';
export * from './queries/oidc';
export * from './queries/passkeys';
export * from './queries/password-resets';
export * from './queries/photos';
export * from './queries/reminder-schedule';
export * from './queries/reminders';
export type {
  CheckinRow,
  HabitGroupRow,
  HabitRow,
  SessionRow,
  SettingsRow,
  StoredSummary,
  UserRow,
} from './queries/rows';
export * from './queries/sessions';
export * from './queries/settings';
export * from './queries/sign-in-methods';
export * from './queries/signup-invites';
export * from './queries/trusted-devices';
export * from './queries/users';
export * as schema from './schema';
export * as reminderSchema from './schema-reminders';
export { backfillHabitSummaries, refreshHabitSummary, type SummaryRefresh } from './summaries';
