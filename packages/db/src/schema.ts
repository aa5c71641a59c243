/**
 * The database, table by table. Columns are snake_case in SQL and camelCase in TypeScript.
 * Calendar dates use `mode: 'string'` so a `YYYY-MM-DD` never passes through a JS Date (which
 * would pin it to an instant and shift it in some time zones). Change this file, then run
 * `npx drizzle-kit generate` in packages/db and commit the new SQL in migrations/.
 */
import type { Schedule } from '@habit-tracker/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Lower-cased by callers, so the unique constraint is case-insensitive in effect. */
  email: text('email').notNull().unique('users_email_unique'),
  /** Null for an account made by signing in with an OpenID Connect issuer (no password yet). */
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const userSettings = pgTable(
  'user_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    timeZone: text('time_zone').notNull().default('UTC'),
    dayStartHour: smallint('day_start_hour').notNull().default(0),
    weekStart: smallint('week_start').notNull().default(1),
    /** A catalog tag (vocabulary's LOCALE_TAGS, checked by the API); null = follow the browser. */
    locale: text('locale'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('user_settings_day_start_hour_check', sql`${t.dayStartHour} between 0 and 23`),
    check('user_settings_week_start_check', sql`${t.weekStart} between 1 and 7`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the cookie's random token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/**
 * Browsers that have signed in to an account before (OWASP's "device cookie"): their failed
 * sign-ins count against their own allowance, not the one strangers share, so nobody can lock
 * the owner out by guessing their password (docs/decisions/0012-sign-in-throttling.md).
 */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    /** SHA-256 (hex) of the device cookie's random token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('trusted_devices_user_id_idx').on(t.userId)],
);

/**
 * Password-reset links sent by email (docs/decisions/0023-email-and-password-reset.md): single
 * use, short-lived, at most one live per user (issuing one deletes the user's others).
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    /** SHA-256 (hex) of the link's random token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the token changed the password: a second use is refused, not "unknown". */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_reset_tokens_user_id_idx').on(t.userId)],
);

/**
 * Personal API tokens (docs/decisions/0024-personal-api-tokens.md): `Authorization: Bearer ht_…`
 * for scripts. Only the SHA-256 of the secret is kept; revoking deletes the row.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 (hex) of the secret; the secret is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique('api_tokens_token_hash_unique'),
    scope: text('scope').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Recorded on the primary in batches, never by the request that used the token. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    index('api_tokens_user_id_idx').on(t.userId),
    check('api_tokens_scope_check', sql`${t.scope} in ('read', 'read_write')`),
  ],
);

/**
 * WebAuthn passkeys (docs/decisions/0026-passkeys.md): a public key per credential; the private
 * key never leaves the user's authenticator. Deleting the user deletes them.
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The authenticator's credential id, base64url: unique across every account. */
    credentialId: text('credential_id').notNull().unique('passkeys_credential_id_unique'),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** The signature counter last seen (0 for authenticators that do not count). */
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    /** Transports the browser reported ("internal", "usb", "hybrid"…), a hint for sign-in. */
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkeys_user_id_idx').on(t.userId)],
);

/**
 * WebAuthn challenges between an options request and its verify: single use (consumed by a
 * delete) and short-lived. In the database, so a verify may land on another machine.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    /** The random challenge itself, base64url. */
    challenge: text('challenge').primaryKey(),
    /** `registration` (bound to the signed-in user) or `authentication` (anyone). */
    purpose: text('purpose').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('webauthn_challenges_expires_at_idx').on(t.expiresAt),
    check(
      'webauthn_challenges_purpose_check',
      sql`${t.purpose} in ('registration', 'authentication')`,
    ),
  ],
);

/**
 * Sign-up invitations (docs/decisions/0028-sign-up-control.md): with SIGNUP_MODE=invite an
 * account needs one. Only the SHA-256 of the link's token is kept; revoking deletes the row.
 */
export const signupInvites = pgTable(
  'signup_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 (hex) of the token in the link; the token is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique('signup_invites_token_hash_unique'),
    /** Who made it; null: the operator, from the command line (or a creator since deleted). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** When set, only an account with this (normalised) email may use it. */
    email: text('email'),
    maxUses: integer('max_uses').notNull().default(1),
    uses: integer('uses').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Deleting a user sets their invites' creator to null: found by this index, not a scan.
    index('signup_invites_created_by_idx').on(t.createdBy),
    check('signup_invites_uses_check', sql`${t.uses} >= 0 and ${t.uses} <= ${t.maxUses}`),
    check('signup_invites_max_uses_check', sql`${t.maxUses} >= 1`),
  ],
);

/**
 * Sign-in identities at OpenID Connect issuers (docs/decisions/0027-openid-connect.md): the
 * issuer's `sub` names one person there for good, so (issuer, subject) finds the account.
 */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The configured provider id (OIDC_PROVIDERS), for display and unlinking. */
    providerId: text('provider_id').notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** The email the issuer gave when linked (informational). */
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('oidc_identities_issuer_subject_unique').on(t.issuer, t.subject),
    index('oidc_identities_user_id_idx').on(t.userId),
  ],
);

/**
 * OpenID Connect sign-ins under way, between the redirect to the issuer and its callback: single
 * use (the callback deletes the row it reads), ten minutes at most, and on the primary so any
 * machine can finish what another started. The browser holds the token whose SHA-256 is the id,
 * so a callback only completes in the browser that started it.
 */
export const oidcLogins = pgTable('oidc_logins', {
  id: text('id').primaryKey(),
  providerId: text('provider_id').notNull(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  /** Set when a signed-in user connects an issuer from Settings: link to this account. */
  linkUserId: uuid('link_user_id').references(() => users.id, { onDelete: 'cascade' }),
  /** SHA-256 of the sign-up invite the sign-in started with (SIGNUP_MODE=invite), if any. */
  inviteTokenHash: text('invite_token_hash'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * An issuer identity waiting to be linked to an existing password account: the issuer vouched
 * for the email, and the owner still has to prove the account by signing in with its password.
 * Single use, short-lived; the browser holds the token whose SHA-256 is the id.
 */
export const oidcPendingLinks = pgTable(
  'oidc_pending_links',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    email: text('email').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_pending_links_user_id_idx').on(t.userId)],
);

/** Optional named sections of Today ("Morning", "Health"): a habit belongs to one or none. */
export const habitGroups = pgTable(
  'habit_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('habit_groups_user_position_idx').on(t.userId, t.position)],
);

export const habits = pgTable(
  'habits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    color: text('color').notNull(),
    icon: text('icon').notNull().default(''),
    /** `measure` is spread over kind/unit/target/target_direction (see the check below). */
    kind: text('kind', { enum: ['boolean', 'numeric'] }).notNull(),
    unit: text('unit'),
    target: doublePrecision('target'),
    targetDirection: text('target_direction', { enum: ['at_least', 'at_most'] }),
    schedule: jsonb('schedule').$type<Schedule>().notNull(),
    position: integer('position').notNull(),
    /** Its group on Today; deleting the group leaves the habit ungrouped. Same owner (queries). */
    groupId: uuid('group_id').references(() => habitGroups.id, { onDelete: 'set null' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /*
     * The history folded into a few numbers (core's HabitSummary), kept up to date by every
     * check-in write in its transaction and dropped when the schedule or measure changes, so
     * the Today view reads only check-ins from summary_reads_from on. All null, or all set.
     */
    summaryThrough: date('summary_through', { mode: 'string' }),
    summaryWeekStart: smallint('summary_week_start'),
    summaryScore: doublePrecision('summary_score'),
    summaryRun: integer('summary_run'),
    summaryBest: integer('summary_best'),
    summaryReadsFrom: date('summary_reads_from', { mode: 'string' }),
  },
  (t) => [
    check(
      'habits_summary_check',
      sql`(${t.summaryThrough} is null and ${t.summaryWeekStart} is null and ${t.summaryScore} is null
          and ${t.summaryRun} is null and ${t.summaryBest} is null and ${t.summaryReadsFrom} is null)
        or (${t.summaryThrough} is not null and ${t.summaryWeekStart} is not null
          and ${t.summaryScore} is not null and ${t.summaryRun} is not null
          and ${t.summaryBest} is not null and ${t.summaryReadsFrom} is not null)`,
    ),
    check('habits_kind_check', sql`${t.kind} in ('boolean', 'numeric')`),
    check(
      'habits_target_direction_check',
      sql`${t.targetDirection} is null or ${t.targetDirection} in ('at_least', 'at_most')`,
    ),
    // A numeric habit has all three measure columns, a yes/no habit none of them.
    check(
      'habits_measure_check',
      sql`(${t.kind} = 'numeric' and ${t.unit} is not null and ${t.target} is not null and ${t.targetDirection} is not null)
        or (${t.kind} = 'boolean' and ${t.unit} is null and ${t.target} is null and ${t.targetDirection} is null)`,
    ),
    // Serves every list (Today: user_id = $1 and archived_at is null order by position) and the
    // cascade from users.
    index('habits_user_archived_position_idx').on(t.userId, t.archivedAt, t.position),
    // Deleting a group sets its habits' group_id to null without scanning every habit.
    index('habits_group_id_idx').on(t.groupId),
    // Target of checkins' composite foreign key: a check-in's owner is always its habit's owner.
    unique('habits_id_user_id_unique').on(t.id, t.userId),
  ],
);

export const checkins = pgTable(
  'checkins',
  {
    habitId: uuid('habit_id').notNull(),
    /** Denormalised owner, so every check-in query filters by user without a join. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'note': a day with only a note, no check-in (core's CheckinState). */
    state: text('state', { enum: ['done', 'skipped', 'note'] }).notNull(),
    value: doublePrecision('value'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Serves a habit's history as a range scan.
    primaryKey({ name: 'checkins_pkey', columns: [t.habitId, t.date] }),
    foreignKey({
      name: 'checkins_habit_owner_fk',
      columns: [t.habitId, t.userId],
      foreignColumns: [habits.id, habits.userId],
    }).onDelete('cascade'),
    check('checkins_state_check', sql`${t.state} in ('done', 'skipped', 'note')`),
    // A note-only day is its note: without one it would be an empty row, with a value a check-in.
    check(
      'checkins_note_only_check',
      sql`${t.state} <> 'note' or (${t.note} is not null and ${t.value} is null)`,
    ),
    // Without it, deleting a user would scan every check-in for the user_id foreign key.
    index('checkins_user_id_idx').on(t.userId),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** Hash of method + path + body, to tell a resend from a different request with the same key. */
    requestHash: text('request_hash').notNull(),
    statusCode: smallint('status_code').notNull(),
    /** Null for bodiless responses (204). */
    responseBody: jsonb('response_body'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.userId, t.key] }),
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
);

/*
 * Files. The bytes live in object storage (packages/storage); these rows say what exists and
 * whose it is. Deleting a row — directly or by cascade from its check-in, habit or user — queues
 * its objects in object_deletions (a trigger, migrations/0003), in the same transaction, and a
 * worker deletes them from storage after commit. So no object outlives its row for long, and a
 * crash between the commit and the storage call loses nothing.
 */

export const photos = pgTable(
  'photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    habitId: uuid('habit_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    contentType: text('content_type').notNull(),
    /** Declared at creation; checked against the stored object when the upload completes. */
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** pending: uploading (the client has an upload URL); ready: checked, thumbnail made. */
    status: text('status', { enum: ['pending', 'ready'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A photo belongs to a check-in, and goes with it.
    foreignKey({
      name: 'photos_checkin_fk',
      columns: [t.habitId, t.date],
      foreignColumns: [checkins.habitId, checkins.date],
    }).onDelete('cascade'),
    // …whose owner is the photo's owner.
    foreignKey({
      name: 'photos_habit_owner_fk',
      columns: [t.habitId, t.userId],
      foreignColumns: [habits.id, habits.userId],
    }).onDelete('cascade'),
    check('photos_status_check', sql`${t.status} in ('pending', 'ready')`),
    index('photos_checkin_idx').on(t.habitId, t.date),
    index('photos_user_id_idx').on(t.userId),
    // The sweeper's search for abandoned uploads.
    index('photos_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
  ],
);

export const dataExports = pgTable(
  'exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['running', 'ready', 'failed'] }).notNull(),
    /** 'habit-tracker': this app's zip; 'loop': a Loop Habit Tracker backup (.db). */
    format: text('format', { enum: ['habit-tracker', 'loop'] })
      .notNull()
      .default('habit-tracker'),
    progress: doublePrecision('progress').notNull().default(0),
    size: integer('size'),
    error: text('error'),
    createdAt: createdAt(),
    /** Set when ready: the zip is downloadable until then, and deleted after. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    check('exports_status_check', sql`${t.status} in ('running', 'ready', 'failed')`),
    check('exports_format_check', sql`${t.format} in ('habit-tracker', 'loop')`),
    index('exports_user_created_idx').on(t.userId, t.createdAt),
  ],
);

export const dataImports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    /**
     * uploading → reading (one preview has claimed the file) → previewed or failed → done. The
     * outcome of reading is stored, so a file is never read twice by previews: a hostile one
     * cannot be replayed, and a good one is not paid for again.
     */
    status: text('status', {
      enum: ['uploading', 'reading', 'previewed', 'done', 'failed'],
    }).notNull(),
    preview: jsonb('preview'),
    result: jsonb('result'),
    /** Why reading failed: `{ message, problems }`, answered again by later previews. */
    error: jsonb('error'),
    /** When a preview claimed the file; a claim older than any read can take was interrupted. */
    readingSince: timestamp('reading_since', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'imports_status_check',
      sql`${t.status} in ('uploading', 'reading', 'previewed', 'done', 'failed')`,
    ),
    index('imports_user_created_idx').on(t.userId, t.createdAt),
  ],
);

/** Objects to delete from storage: filled by triggers when file rows go, drained after commit. */
export const objectDeletions = pgTable(
  'object_deletions',
  {
    /** The storage module's object kind: photo (with its thumbnail), export, importUpload. */
    kind: text('kind', { enum: ['photo', 'export', 'importUpload'] }).notNull(),
    userId: uuid('user_id').notNull(),
    objectId: uuid('object_id').notNull(),
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'object_deletions_pkey', columns: [t.kind, t.objectId] })],
);
