/**
 * The data layer's contract, run against each driver (PGlite and real PostgreSQL) by the
 * *.test.ts files next to this one. Every test makes its own users, so tests share one database.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireLease,
  type CheckinRow,
  createExport,
  createHabit,
  createImport,
  createPendingPhoto,
  createReminder,
  createSession,
  createUser,
  type Database,
  type Db,
  deleteCheckin,
  deleteExpiredSessions,
  deleteHabit,
  deleteOldIdempotencyRecords,
  deleteSession,
  deleteUser,
  deleteUserSessions,
  EmailTakenError,
  extendSession,
  findIdempotencyRecord,
  findSessionWithToday,
  findSessionWithUser,
  findUserByEmail,
  getHabit,
  getHabitForUpdate,
  getPhoto,
  getSettings,
  getUserById,
  holdsLease,
  listActiveHabitsWithMarks,
  listCheckinMarks,
  listCheckins,
  listHabits,
  listObjectDeletions,
  listReminders,
  migrate,
  type NewHabit,
  releaseLease,
  removeObjectDeletion,
  reorderHabits,
  saveIdempotencyRecord,
  schema,
  setHabitArchived,
  setHabitSummary,
  updateHabit,
  updatePasswordHash,
  updateSettings,
  upsertCheckin,
} from '../src/index';

export interface OpenedDatabase {
  database: Database;
  dispose(): Promise<void>;
}

const DAY_MS = 86_400_000;

const readHabit: NewHabit = {
  name: 'Read',
  color: '#3b82f6',
  icon: '📚',
  measure: { kind: 'boolean' },
  schedule: { kind: 'daily' },
  startDate: '2026-11-01',
};

const runHabit: NewHabit = {
  name: 'Run',
  description: 'Around the park',
  color: '#10b981',
  measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
  schedule: { kind: 'weekdays', days: [1, 3, 5] },
  startDate: '2026-11-02',
};

export function defineQuerySuite(label: string, open: () => Promise<OpenedDatabase>): void {
  describe(`queries on ${label}`, () => {
    let opened: OpenedDatabase;
    let database: Database;
    /** The primary, where reads and writes share one handle: these tests are about queries. */
    let db: Db;

    beforeAll(async () => {
      opened = await open();
      database = opened.database;
      db = database.primary.write;
    });

    afterAll(async () => {
      await opened?.dispose();
    });

    async function newUser(settings?: Parameters<typeof createUser>[1]['settings']) {
      const { user } = await createUser(db, {
        email: `${randomUUID()}@example.com`,
        passwordHash: 'hash',
        ...(settings && { settings }),
      });
      return user;
    }

    describe('migrations', () => {
      it('created every table, and applying them again changes nothing', async () => {
        await migrate(database);
        const result = await db.execute<{ table_name: string }>(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
        );
        const rows = (result as unknown as { rows: { table_name: string }[] }).rows;
        expect(rows.map((r) => r.table_name)).toEqual([
          'api_tokens',
          'checkins',
          'exports',
          'habit_groups',
          'habits',
          'idempotency_keys',
          'imports',
          'leases',
          'notification_deliveries',
          'notifications',
          'object_deletions',
          'oidc_identities',
          'oidc_logins',
          'oidc_pending_links',
          'passkeys',
          'password_reset_tokens',
          'photos',
          'push_subscriptions',
          'reminders',
          'server_keys',
          'sessions',
          'signup_invites',
          'trusted_devices',
          'user_settings',
          'users',
          'vacation_habits',
          'vacation_skips',
          'vacations',
          'webauthn_challenges',
        ]);
      });
    });

    describe('reminder schedule', () => {
      it('a lease has one holder; a new holder gets a larger token and the old one loses its claims', async () => {
        const name = `lease-${randomUUID()}`;
        const a = await acquireLease(db, name, 'a', 60_000);
        expect(a).toBe(1);
        expect(await acquireLease(db, name, 'b', 60_000)).toBeNull();
        expect(await acquireLease(db, name, 'a', 60_000)).toBe(a); // renewal keeps the token
        await releaseLease(db, name, 'a');
        const b = await acquireLease(db, name, 'b', 60_000);
        expect(b).toBe(2);
        expect(await database.primary.transaction((tx) => holdsLease(tx, name, 'a', a!))).toBe(
          false,
        );
        expect(await database.primary.transaction((tx) => holdsLease(tx, name, 'b', b!))).toBe(
          true,
        );
        // An expired lease is anyone's.
        await acquireLease(db, name, 'b', 1);
        await sleep(20);
        expect(await acquireLease(db, name, 'c', 60_000)).toBe(3);
      });

      it('a new zone or day start (not a new week start) marks the user’s reminders for planning', async () => {
        const user = await newUser({ timeZone: 'Europe/Berlin' });
        const habit = await createHabit(db, user.id, readHabit);
        const planned = {
          nextFireAt: new Date('2026-11-20T07:00:00Z'),
          nextFireDate: '2026-11-20',
        };
        await createReminder(db, user.id, {
          habitId: habit.id,
          time: '08:00',
          days: null,
          ...planned,
        });
        await updateSettings(db, user.id, { weekStart: 7 });
        expect((await listReminders(db, user.id))[0]).toMatchObject(planned);
        await updateSettings(db, user.id, { timeZone: 'Asia/Tokyo' });
        expect((await listReminders(db, user.id))[0]).toMatchObject({
          nextFireAt: null,
          nextFireDate: null,
        });
        // Another user's habit cannot get a reminder: the row is taken from the user's own habit.
        const other = await newUser();
        expect(
          await createReminder(db, other.id, {
            habitId: habit.id,
            time: '08:00',
            days: null,
            ...planned,
          }),
        ).toBeNull();
      });
    });

    describe('file rows', () => {
      it('queues the objects of every file row deleted, by cascade too, in the same transaction', async () => {
        const user = await newUser();
        const habit = await createHabit(db, user.id, readHabit);
        await upsertCheckin(db, user.id, habit.id, '2026-11-20', {
          state: 'done',
          value: null,
          note: null,
        });
        const photo = await database.primary.transaction((tx) =>
          createPendingPhoto(
            tx,
            user.id,
            { habitId: habit.id, date: '2026-11-20', contentType: 'image/png', size: 9 },
            10,
          ),
        );
        if (photo === null || photo === 'full') throw new Error('no photo');
        const exported = await createExport(db, user.id);
        expect(exported.format).toBe('habit-tracker');
        expect((await createExport(db, (await newUser()).id, 'loop')).format).toBe('loop');
        const imported = await createImport(db, user.id, { fileName: 'x.zip', size: 1 });
        const queued = async () =>
          (await listObjectDeletions(db, 1000))
            .filter((d) => d.userId === user.id)
            .map((d) => d.kind)
            .sort();

        // A rolled-back deletion queues nothing.
        await expect(
          database.primary.transaction(async (tx) => {
            await deleteCheckin(tx, user.id, habit.id, '2026-11-20');
            throw new Error('roll back');
          }),
        ).rejects.toThrow('roll back');
        expect(await queued()).toEqual([]);
        expect(await getPhoto(db, user.id, photo.id)).not.toBeNull();

        // The check-in goes, its photo with it, and the photo's objects are queued.
        await deleteCheckin(db, user.id, habit.id, '2026-11-20');
        expect(await getPhoto(db, user.id, photo.id)).toBeNull();
        expect(await queued()).toEqual(['photo']);
        // The account goes: its export and import files are queued too.
        await deleteUser(db, user.id);
        expect(await queued()).toEqual(['export', 'importUpload', 'photo']);
        for (const item of await listObjectDeletions(db, 1000)) {
          if (item.userId === user.id) await removeObjectDeletion(db, item);
        }
        expect(await queued()).toEqual([]);
        expect([exported.id, imported.id]).toHaveLength(2);
      });
    });

    describe('users and settings', () => {
      it('creates a user with default settings, found by email and id', async () => {
        const email = `${randomUUID()}@example.com`;
        const { user, settings } = await createUser(db, { email, passwordHash: 'h1' });
        expect(user).toEqual({
          id: expect.any(String),
          email,
          passwordHash: 'h1',
          createdAt: expect.any(Date),
        });
        expect(settings).toEqual({ timeZone: 'UTC', dayStartHour: 0, weekStart: 1, locale: null });
        expect(await findUserByEmail(db, email)).toEqual(user);
        expect(await getUserById(db, user.id)).toEqual(user);
        expect(await findUserByEmail(db, 'nobody@example.com')).toBeNull();
        expect(await getUserById(db, randomUUID())).toBeNull();
      });

      it('takes the settings given at sign-up, defaults for the rest', async () => {
        const { settings } = await createUser(db, {
          email: `${randomUUID()}@example.com`,
          passwordHash: 'h',
          settings: { timeZone: 'Asia/Singapore', weekStart: 7, dayStartHour: undefined },
        });
        expect(settings).toEqual({
          timeZone: 'Asia/Singapore',
          dayStartHour: 0,
          weekStart: 7,
          locale: null,
        });
      });

      it('refuses a second account with the same email, leaving nothing behind', async () => {
        const email = `${randomUUID()}@example.com`;
        await createUser(db, { email, passwordHash: 'a' });
        await expect(createUser(db, { email, passwordHash: 'b' })).rejects.toBeInstanceOf(
          EmailTakenError,
        );
        expect((await findUserByEmail(db, email))?.passwordHash).toBe('a');
      });

      it('raises EmailTakenError inside a transaction too, which stays usable', async () => {
        const email = `${randomUUID()}@example.com`;
        await createUser(db, { email, passwordHash: 'a' });
        const after = await database.primary.transaction(async (tx) => {
          await expect(createUser(tx, { email, passwordHash: 'b' })).rejects.toBeInstanceOf(
            EmailTakenError,
          );
          return findUserByEmail(tx, email);
        });
        expect(after?.passwordHash).toBe('a');
      });

      it('updates the password hash', async () => {
        const user = await newUser();
        expect(await updatePasswordHash(db, user.id, 'new')).toBe(true);
        expect((await getUserById(db, user.id))?.passwordHash).toBe('new');
        expect(await updatePasswordHash(db, randomUUID(), 'x')).toBe(false);
      });

      it('gets and patches settings', async () => {
        const user = await newUser();
        expect(await getSettings(db, user.id)).toEqual({
          timeZone: 'UTC',
          dayStartHour: 0,
          weekStart: 1,
          locale: null,
        });
        expect(await updateSettings(db, user.id, { dayStartHour: 4 })).toEqual({
          timeZone: 'UTC',
          dayStartHour: 4,
          weekStart: 1,
          locale: null,
        });
        expect(
          await updateSettings(db, user.id, { timeZone: 'Europe/Berlin', weekStart: 7 }),
        ).toEqual({ timeZone: 'Europe/Berlin', dayStartHour: 4, weekStart: 7, locale: null });
        expect(await getSettings(db, randomUUID())).toBeNull();
        expect(await updateSettings(db, randomUUID(), { dayStartHour: 1 })).toBeNull();
      });

      it('rejects out-of-range settings in the database too', async () => {
        const user = await newUser();
        await expect(updateSettings(db, user.id, { dayStartHour: 24 })).rejects.toThrow();
        await expect(
          updateSettings(db, user.id, { weekStart: 0 as unknown as 1 }),
        ).rejects.toThrow();
      });
    });

    describe('sessions', () => {
      it('finds a live session with its user and settings in one query', async () => {
        const user = await newUser({ timeZone: 'America/New_York' });
        const now = new Date();
        const expiresAt = new Date(now.getTime() + 30 * DAY_MS);
        const id = randomUUID().replaceAll('-', '');
        const created = await createSession(db, { id, userId: user.id, expiresAt });
        expect(created).toMatchObject({ id, userId: user.id, expiresAt });

        const found = await findSessionWithUser(db, id, now);
        expect(found).toEqual({
          session: { id, userId: user.id, createdAt: expect.any(Date), expiresAt },
          user,
          settings: { timeZone: 'America/New_York', dayStartHour: 0, weekStart: 1, locale: null },
        });
        expect(await findSessionWithUser(db, 'unknown', now)).toBeNull();
      });

      it('excludes expired sessions, and extends and deletes them', async () => {
        const user = await newUser();
        const now = new Date();
        await createSession(db, {
          id: 'exp-1',
          userId: user.id,
          expiresAt: new Date(now.getTime() + 1000),
        });
        expect(
          await findSessionWithUser(db, 'exp-1', new Date(now.getTime() + 999)),
        ).not.toBeNull();
        expect(await findSessionWithUser(db, 'exp-1', new Date(now.getTime() + 1000))).toBeNull();

        expect(await extendSession(db, 'exp-1', new Date(now.getTime() + DAY_MS))).toBe(true);
        expect(
          await findSessionWithUser(db, 'exp-1', new Date(now.getTime() + 5000)),
        ).not.toBeNull();
        expect(await extendSession(db, 'nope', now)).toBe(false);

        expect(await deleteSession(db, 'exp-1')).toBe(true);
        expect(await deleteSession(db, 'exp-1')).toBe(false);
        expect(await findSessionWithUser(db, 'exp-1', now)).toBeNull();
      });

      it("deletes a user's sessions, optionally but the current one", async () => {
        const user = await newUser();
        const other = await newUser();
        const later = new Date(Date.now() + DAY_MS);
        for (const id of ['a', 'b', 'c']) {
          await createSession(db, { id: `${user.id}-${id}`, userId: user.id, expiresAt: later });
        }
        await createSession(db, { id: `${other.id}-a`, userId: other.id, expiresAt: later });

        expect(await deleteUserSessions(db, user.id, `${user.id}-a`)).toBe(2);
        expect(await findSessionWithUser(db, `${user.id}-a`, new Date())).not.toBeNull();
        expect(await findSessionWithUser(db, `${user.id}-b`, new Date())).toBeNull();
        expect(await deleteUserSessions(db, user.id)).toBe(1);
        expect(await findSessionWithUser(db, `${other.id}-a`, new Date())).not.toBeNull();
      });

      it('sweeps expired sessions only', async () => {
        const user = await newUser();
        const now = new Date('2030-01-01T00:00:00Z');
        await createSession(db, {
          id: `${user.id}-old`,
          userId: user.id,
          expiresAt: new Date(now.getTime() - 1),
        });
        await createSession(db, {
          id: `${user.id}-new`,
          userId: user.id,
          expiresAt: new Date(now.getTime() + 1),
        });
        expect(await deleteExpiredSessions(db, now)).toBeGreaterThanOrEqual(1);
        expect(await findSessionWithUser(db, `${user.id}-old`, new Date(0))).toBeNull();
        expect(await findSessionWithUser(db, `${user.id}-new`, now)).not.toBeNull();
      });
    });

    describe('habits', () => {
      it('creates habits at the end, with measure, schedule and dates intact', async () => {
        const user = await newUser();
        const read = await createHabit(db, user.id, readHabit);
        const run = await createHabit(db, user.id, runHabit);
        expect(read).toEqual({
          id: expect.any(String),
          userId: user.id,
          name: 'Read',
          description: '',
          color: '#3b82f6',
          icon: '📚',
          measure: { kind: 'boolean' },
          schedule: { kind: 'daily' },
          position: 0,
          groupId: null,
          startDate: '2026-11-01',
          archivedAt: null,
          createdAt: expect.any(Date),
          updatedAt: expect.any(Date),
        });
        expect(run).toMatchObject({
          description: 'Around the park',
          icon: '',
          measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
          schedule: { kind: 'weekdays', days: [1, 3, 5] },
          position: 1,
          groupId: null,
          startDate: '2026-11-02',
        });
        expect(await getHabit(db, user.id, run.id)).toEqual(run);
        expect(await getHabit(db, user.id, randomUUID())).toBeNull();
      });

      it('numbers positions per user', async () => {
        const a = await newUser();
        const b = await newUser();
        await createHabit(db, a.id, readHabit);
        await createHabit(db, a.id, readHabit);
        expect((await createHabit(db, b.id, readHabit)).position).toBe(0);
      });

      it('patches only the given fields and bumps updated_at', async () => {
        const user = await newUser();
        const run = await createHabit(db, user.id, runHabit);
        await sleep(5);
        const patched = await updateHabit(db, user.id, run.id, {
          name: 'Jog',
          schedule: { kind: 'every_n_days', interval: 3, startDate: '2026-01-01' },
        });
        expect(patched).toMatchObject({
          name: 'Jog',
          description: 'Around the park',
          measure: runHabit.measure,
          schedule: { kind: 'every_n_days', interval: 3, startDate: '2026-01-01' },
        });
        expect(patched!.updatedAt.getTime()).toBeGreaterThan(run.updatedAt.getTime());
        expect(patched!.createdAt).toEqual(run.createdAt);

        const yesNo = await updateHabit(db, user.id, run.id, { measure: { kind: 'boolean' } });
        expect(yesNo?.measure).toEqual({ kind: 'boolean' });
        const [raw] = await db
          .select({ unit: schema.habits.unit, target: schema.habits.target })
          .from(schema.habits)
          .where(eq(schema.habits.id, run.id));
        expect(raw).toEqual({ unit: null, target: null });
      });

      it('refuses a numeric habit without its unit, target and direction', async () => {
        const user = await newUser();
        await expect(
          db.insert(schema.habits).values({
            userId: user.id,
            name: 'x',
            color: '#000000',
            kind: 'numeric',
            unit: 'km',
            schedule: { kind: 'daily' },
            position: 0,
            startDate: '2026-01-01',
          }),
        ).rejects.toThrow();
      });

      it('lists by status in position order; archive and restore', async () => {
        const user = await newUser();
        const [h0, h1, h2] = [
          await createHabit(db, user.id, { ...readHabit, name: 'h0' }),
          await createHabit(db, user.id, { ...readHabit, name: 'h1' }),
          await createHabit(db, user.id, { ...readHabit, name: 'h2' }),
        ];
        const now = new Date('2026-11-22T10:00:00Z');
        const archived = await setHabitArchived(db, user.id, h1!.id, true, now);
        expect(archived?.archivedAt).toEqual(now);
        // Archiving twice keeps the first date.
        const again = await setHabitArchived(db, user.id, h1!.id, true, new Date());
        expect(again?.archivedAt).toEqual(now);

        const names = async (status: 'active' | 'archived' | 'all') =>
          (await listHabits(db, user.id, status)).map((h) => h.name);
        expect(await names('active')).toEqual(['h0', 'h2']);
        expect(await names('archived')).toEqual(['h1']);
        expect(await names('all')).toEqual(['h0', 'h1', 'h2']);

        // A restored habit goes last.
        const restored = await setHabitArchived(db, user.id, h1!.id, false, new Date());
        expect(restored).toMatchObject({ archivedAt: null, position: 3 });
        expect(await names('active')).toEqual(['h0', 'h2', 'h1']);
        // Restoring an active habit keeps its place.
        expect((await setHabitArchived(db, user.id, h0!.id, false, new Date()))?.position).toBe(0);
        expect(h2).toBeDefined();
      });

      it('deletes a habit with its check-ins', async () => {
        const user = await newUser();
        const habit = await createHabit(db, user.id, readHabit);
        await upsertCheckin(db, user.id, habit.id, '2026-11-20', {
          state: 'done',
          value: null,
          note: null,
        });
        expect(await deleteHabit(db, user.id, habit.id)).toBe(true);
        expect(await deleteHabit(db, user.id, habit.id)).toBe(false);
        expect(await getHabit(db, user.id, habit.id)).toBeNull();
        const left = await db
          .select()
          .from(schema.checkins)
          .where(eq(schema.checkins.habitId, habit.id));
        expect(left).toEqual([]);
      });

      it('reorders exactly the active habits, in one go', async () => {
        const user = await newUser();
        const a = await createHabit(db, user.id, { ...readHabit, name: 'a' });
        const b = await createHabit(db, user.id, { ...readHabit, name: 'b' });
        const c = await createHabit(db, user.id, { ...readHabit, name: 'c' });
        const d = await createHabit(db, user.id, { ...readHabit, name: 'd' });
        await setHabitArchived(db, user.id, d.id, true, new Date());
        const order = async () => (await listHabits(db, user.id, 'active')).map((h) => h.name);

        expect(await reorderHabits(db, user.id, [c.id, a.id, b.id])).toBe(true);
        expect(await order()).toEqual(['c', 'a', 'b']);
        expect((await listHabits(db, user.id, 'active')).map((h) => h.position)).toEqual([0, 1, 2]);

        // Missing one, a duplicate, an archived habit, an unknown id: refused, nothing changes.
        expect(await reorderHabits(db, user.id, [a.id, b.id])).toBe(false);
        expect(await reorderHabits(db, user.id, [a.id, a.id, b.id])).toBe(false);
        expect(await reorderHabits(db, user.id, [a.id, b.id, c.id, d.id])).toBe(false);
        expect(await reorderHabits(db, user.id, [a.id, b.id, randomUUID()])).toBe(false);
        expect(await reorderHabits(db, user.id, [a.id, b.id, 'not-a-uuid'])).toBe(false);
        expect(await order()).toEqual(['c', 'a', 'b']);

        const none = await newUser();
        expect(await reorderHabits(db, none.id, [])).toBe(true);
        expect(await reorderHabits(db, none.id, [a.id])).toBe(false);
      });

      it('reorders inside a caller transaction (a savepoint), rolled back with it', async () => {
        const user = await newUser();
        const a = await createHabit(db, user.id, { ...readHabit, name: 'a' });
        const b = await createHabit(db, user.id, { ...readHabit, name: 'b' });
        await expect(
          database.primary.transaction(async (tx) => {
            expect(await reorderHabits(tx, user.id, [b.id, a.id])).toBe(true);
            expect((await listHabits(tx, user.id, 'active')).map((h) => h.name)).toEqual([
              'b',
              'a',
            ]);
            throw new Error('roll back');
          }),
        ).rejects.toThrow('roll back');
        expect((await listHabits(db, user.id, 'active')).map((h) => h.name)).toEqual(['a', 'b']);
      });
    });

    describe('owner filtering', () => {
      it("never lets user B read, change or check in on user A's habits", async () => {
        const a = await newUser();
        const b = await newUser();
        const habit = await createHabit(db, a.id, runHabit);
        await upsertCheckin(db, a.id, habit.id, '2026-11-20', {
          state: 'done',
          value: 6,
          note: 'A',
        });
        const bOwn = await createHabit(db, b.id, readHabit);

        expect(await getHabit(db, b.id, habit.id)).toBeNull();
        expect(await listHabits(db, b.id, 'all')).toEqual([bOwn]);
        expect(await updateHabit(db, b.id, habit.id, { name: 'mine' })).toBeNull();
        expect(await setHabitArchived(db, b.id, habit.id, true, new Date())).toBeNull();
        expect(await reorderHabits(db, b.id, [habit.id, bOwn.id])).toBe(false);
        expect(await reorderHabits(db, b.id, [habit.id])).toBe(false);
        expect(
          await upsertCheckin(db, b.id, habit.id, '2026-11-20', {
            state: 'skipped',
            value: null,
            note: 'B',
          }),
        ).toBeNull();
        expect(
          await upsertCheckin(db, b.id, habit.id, '2026-11-21', {
            state: 'done',
            value: 1,
            note: null,
          }),
        ).toBeNull();
        expect(await listCheckins(db, b.id, [habit.id])).toEqual([]);
        expect(await listCheckins(db, b.id, [habit.id, bOwn.id])).toEqual([]);
        expect(await deleteCheckin(db, b.id, habit.id, '2026-11-20')).toBe(false);
        expect(await deleteHabit(db, b.id, habit.id)).toBe(false);

        // A's data is untouched.
        expect(await getHabit(db, a.id, habit.id)).toEqual(habit);
        expect(await listCheckins(db, a.id, [habit.id])).toEqual([
          expect.objectContaining({ date: '2026-11-20', state: 'done', value: 6, note: 'A' }),
        ]);
      });

      it("refuses a check-in row whose owner is not its habit's owner", async () => {
        const a = await newUser();
        const b = await newUser();
        const habit = await createHabit(db, a.id, readHabit);
        await expect(
          db
            .insert(schema.checkins)
            .values({ habitId: habit.id, userId: b.id, date: '2026-01-01', state: 'done' }),
        ).rejects.toThrow();
      });
    });

    describe('check-ins', () => {
      it('keeps one row per habit and date, and its created_at', async () => {
        const user = await newUser();
        const habit = await createHabit(db, user.id, runHabit);
        const first = await upsertCheckin(db, user.id, habit.id, '2026-11-20', {
          state: 'done',
          value: 3.5,
          note: 'slow',
        });
        expect(first).toEqual({
          habitId: habit.id,
          date: '2026-11-20',
          state: 'done',
          value: 3.5,
          note: 'slow',
          createdAt: expect.any(Date),
          updatedAt: expect.any(Date),
        });
        await sleep(5);
        const second = await upsertCheckin(db, user.id, habit.id, '2026-11-20', {
          state: 'skipped',
          value: null,
          note: null,
        });
        expect(second).toMatchObject({ state: 'skipped', value: null, note: null });
        expect(second!.createdAt).toEqual(first!.createdAt);
        expect(second!.updatedAt.getTime()).toBeGreaterThan(first!.updatedAt.getTime());
        expect(await listCheckins(db, user.id, [habit.id])).toEqual([second]);
      });

      it('keeps a note-only day only with its note and without a value', async () => {
        const user = await newUser();
        const habit = await createHabit(db, user.id, runHabit);
        const row = await upsertCheckin(db, user.id, habit.id, '2026-11-20', {
          state: 'note',
          value: null,
          note: 'rained all day',
        });
        expect(row).toMatchObject({ state: 'note', value: null, note: 'rained all day' });
        for (const bad of [
          { state: 'note' as const, value: null, note: null },
          { state: 'note' as const, value: 2, note: 'x' },
        ]) {
          await expect(upsertCheckin(db, user.id, habit.id, '2026-11-21', bad)).rejects.toThrow();
        }
      });

      it('lists several habits in one query, by habit then date, within a range', async () => {
        const user = await newUser();
        const h1 = await createHabit(db, user.id, readHabit);
        const h2 = await createHabit(db, user.id, runHabit);
        const dates = ['2026-11-03', '2026-11-01', '2026-11-02', '2025-12-31'];
        for (const date of dates) {
          await upsertCheckin(db, user.id, h1.id, date, { state: 'done', value: null, note: null });
          await upsertCheckin(db, user.id, h2.id, date, { state: 'done', value: 1, note: null });
        }
        const all = await listCheckins(db, user.id, [h2.id, h1.id]);
        const sortedIds = [h1.id, h2.id].sort();
        const sortedDates = [...dates].sort();
        expect(all.map((c) => [c.habitId, c.date])).toEqual(
          sortedIds.flatMap((id) => sortedDates.map((date) => [id, date])),
        );
        const ranged = await listCheckins(db, user.id, [h1.id], {
          from: '2026-11-01',
          to: '2026-11-02',
        });
        expect(ranged.map((c) => c.date)).toEqual(['2026-11-01', '2026-11-02']);
        expect((await listCheckins(db, user.id, [h1.id], { from: '2026-11-02' })).length).toBe(2);
        expect((await listCheckins(db, user.id, [h1.id], { to: '2026-01-01' })).length).toBe(1);
        expect(await listCheckins(db, user.id, [])).toEqual([]);
      });

      it('lists lean marks per habit, with one full row, agreeing with listCheckins', async () => {
        const user = await newUser();
        const other = await newUser();
        const h1 = await createHabit(db, user.id, readHabit);
        const h2 = await createHabit(db, user.id, runHabit);
        const h3 = await createHabit(db, user.id, readHabit);
        const values = [null, 0, 3.5, 0.1 + 0.2, 1e-7, 123456789.125, -2];
        const dates = ['2026-11-03', '2026-11-01', '2026-11-02', '2025-12-31', '1999-02-28'];
        for (const [i, date] of dates.entries()) {
          // Every state, a note-only day among them (packed as its own letter).
          const state = (['done', 'skipped', 'note'] as const)[i % 3]!;
          await upsertCheckin(db, user.id, h1.id, date, {
            state,
            value: null,
            note: state === 'note' ? 'only a note' : null,
          });
          await upsertCheckin(db, user.id, h2.id, date, {
            state: i === 3 ? 'skipped' : 'done',
            value: values[i]!,
            note: i === 0 ? 'with, a comma' : null,
          });
        }
        await upsertCheckin(db, user.id, h2.id, '2026-11-04', {
          state: 'done',
          value: values[6]!,
          note: null,
        });
        const lean = (rows: CheckinRow[]) =>
          rows.map(({ date, state, value }) => ({ date, state, value }));
        const marks = await listCheckinMarks(db, user.id, [h2.id, h1.id, h3.id], {
          rowFor: '2026-11-03',
        });
        expect(marks.map((m) => m.habitId).sort()).toEqual([h1.id, h2.id].sort());
        for (const habit of [h1, h2]) {
          const entry = marks.find((m) => m.habitId === habit.id)!;
          const full = await listCheckins(db, user.id, [habit.id]);
          expect(entry.marks).toEqual(lean(full));
          expect(entry.row).toEqual(full.find((c) => c.date === '2026-11-03'));
        }
        const ranged = await listCheckinMarks(db, user.id, [h2.id], {
          from: '2026-11-01',
          to: '2026-11-02',
        });
        expect(ranged).toEqual([
          {
            habitId: h2.id,
            marks: lean(
              await listCheckins(db, user.id, [h2.id], { from: '2026-11-01', to: '2026-11-02' }),
            ),
            row: null,
          },
        ]);
        const noRow = await listCheckinMarks(db, user.id, [h1.id], { rowFor: '2026-11-20' });
        expect(noRow[0]!.row).toBeNull();
        expect(await listCheckinMarks(db, user.id, [])).toEqual([]);
        expect(await listCheckinMarks(db, other.id, [h1.id, h2.id])).toEqual([]);

        // The Today view's one query: active habits in order, each with the same marks and row.
        await setHabitArchived(db, user.id, h3.id, true, new Date());
        const h4 = await createHabit(db, user.id, readHabit);
        const withMarks = await listActiveHabitsWithMarks(db, user.id, '2026-11-03', 1);
        expect(withMarks.map((h) => h.habit)).toEqual(await listHabits(db, user.id, 'active'));
        expect(withMarks.map((h) => h.habit.id)).toEqual([h1.id, h2.id, h4.id]);
        for (const entry of withMarks) {
          const full = await listCheckins(db, user.id, [entry.habit.id]);
          expect(entry.marks).toEqual(lean(full));
          expect(entry.row).toEqual(full.find((c) => c.date === '2026-11-03') ?? null);
          expect(entry.summary).toBeNull();
        }
        expect(withMarks[1]!.row).toMatchObject({ note: 'with, a comma', value: null });
        expect(await listActiveHabitsWithMarks(db, other.id, '2026-11-03', 1)).toEqual([]);
      });

      it('stores a summary, and the Today query reads only what it does not cover', async () => {
        const user = await newUser();
        const habit = await createHabit(db, user.id, readHabit);
        const dates = ['2026-08-01', '2026-10-01', '2026-10-20', '2026-11-02', '2026-11-03'];
        for (const date of dates) {
          await upsertCheckin(db, user.id, habit.id, date, {
            state: 'done',
            value: null,
            note: null,
          });
        }
        const stored = {
          summary: { through: '2026-11-01', weekStart: 1 as const, score: 0.25, run: 2, best: 5 },
          readsFrom: '2026-10-02',
        };
        await setHabitSummary(db, user.id, habit.id, stored);
        expect(await getHabitForUpdate(db, user.id, habit.id)).toEqual({
          habit: await getHabit(db, user.id, habit.id),
          summary: stored,
        });
        expect(await getHabitForUpdate(db, (await newUser()).id, habit.id)).toBeNull();

        const [resumed] = await listActiveHabitsWithMarks(db, user.id, '2026-11-03', 1);
        expect(resumed!.summary).toEqual(stored);
        expect(resumed!.marks.map((m) => m.date)).toEqual(dates.slice(2));
        expect(resumed!.row).toMatchObject({ date: '2026-11-03', state: 'done' });
        // Another week start, or a today the summary reaches: the whole history, no summary.
        for (const [today, weekStart] of [
          ['2026-11-03', 7],
          ['2026-11-01', 1],
        ] as const) {
          const [entry] = await listActiveHabitsWithMarks(db, user.id, today, weekStart);
          expect(entry!.summary).toBeNull();
          expect(entry!.marks.map((m) => m.date)).toEqual(dates);
        }

        // The session lookup that carries the Today view reads exactly what the two queries do,
        // for whichever today and week start it is given; an expired session reads nothing.
        const sessionId = randomUUID().replaceAll('-', '');
        const now = new Date();
        const expiresAt = new Date(now.getTime() + DAY_MS);
        await createSession(db, { id: sessionId, userId: user.id, expiresAt });
        await createHabit(db, user.id, { ...readHabit, name: 'Second' });
        for (const [today, weekStart] of [
          ['2026-11-03', 1],
          ['2026-11-03', 7],
          ['2026-11-01', 1],
        ] as const) {
          expect(await findSessionWithToday(db, sessionId, now, { today, weekStart })).toEqual({
            found: await findSessionWithUser(db, sessionId, now),
            habits: await listActiveHabitsWithMarks(db, user.id, today, weekStart),
          });
        }
        expect(
          await findSessionWithToday(db, sessionId, expiresAt, {
            today: '2026-11-03',
            weekStart: 1,
          }),
        ).toBeNull();
        // A user without active habits: the session, and no habits.
        const empty = await newUser();
        await createSession(db, { id: `${sessionId}-e`, userId: empty.id, expiresAt });
        expect(
          await findSessionWithToday(db, `${sessionId}-e`, now, {
            today: '2026-11-03',
            weekStart: 1,
          }),
        ).toEqual({ found: await findSessionWithUser(db, `${sessionId}-e`, now), habits: [] });
        // A new schedule or measure drops it; a new name keeps it.
        await updateHabit(db, user.id, habit.id, { name: 'Renamed' });
        expect((await getHabitForUpdate(db, user.id, habit.id))!.summary).toEqual(stored);
        await updateHabit(db, user.id, habit.id, {
          schedule: { kind: 'times_per_week', times: 3 },
        });
        expect((await getHabitForUpdate(db, user.id, habit.id))!.summary).toBeNull();
        // All or nothing, enforced by the database too.
        await expect(
          db.execute(sql`update habits set summary_score = 0.5 where id = ${habit.id}`),
        ).rejects.toThrow();
      });

      it('deletes a check-in', async () => {
        const user = await newUser();
        const habit = await createHabit(db, user.id, readHabit);
        await upsertCheckin(db, user.id, habit.id, '2026-11-20', {
          state: 'done',
          value: null,
          note: null,
        });
        expect(await deleteCheckin(db, user.id, habit.id, '2026-11-20')).toBe(true);
        expect(await deleteCheckin(db, user.id, habit.id, '2026-11-20')).toBe(false);
        expect(await listCheckins(db, user.id, [habit.id])).toEqual([]);
      });

      it('returns null for an unknown habit', async () => {
        const user = await newUser();
        expect(
          await upsertCheckin(db, user.id, randomUUID(), '2026-11-20', {
            state: 'done',
            value: null,
            note: null,
          }),
        ).toBeNull();
      });
    });

    describe('dates', () => {
      // Kiritimati is UTC+14, Los Angeles UTC-8/-7: a date that became a JS Date at local
      // midnight would come back as the previous or next day in one of them.
      it.each(['Pacific/Kiritimati', 'America/Los_Angeles'])(
        'round-trip as YYYY-MM-DD strings with TZ=%s',
        async (timeZone) => {
          const saved = process.env.TZ;
          process.env.TZ = timeZone;
          try {
            expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(timeZone);
            const user = await newUser();
            const dates = ['2026-03-08', '2026-11-01', '1900-01-01', '2026-12-31', '2999-12-31'];
            const habit = await createHabit(db, user.id, { ...readHabit, startDate: '2026-03-08' });
            expect(habit.startDate).toBe('2026-03-08');
            expect((await getHabit(db, user.id, habit.id))?.startDate).toBe('2026-03-08');
            for (const date of dates) {
              const row = await upsertCheckin(db, user.id, habit.id, date, {
                state: 'done',
                value: null,
                note: null,
              });
              expect(row?.date).toBe(date);
            }
            const listed = await listCheckins(db, user.id, [habit.id], {
              from: '2026-03-08',
              to: '2026-03-08',
            });
            expect(listed.map((c) => c.date)).toEqual(['2026-03-08']);
            expect(typeof listed[0]!.date).toBe('string');
            expect((await listCheckins(db, user.id, [habit.id])).map((c) => c.date)).toEqual(
              [...dates].sort(),
            );
          } finally {
            if (saved === undefined) delete process.env.TZ;
            else process.env.TZ = saved;
          }
        },
      );
    });

    describe('cascades', () => {
      it('deleting a user deletes everything of theirs, and nothing else', async () => {
        const gone = await newUser();
        const kept = await newUser();
        for (const user of [gone, kept]) {
          const habit = await createHabit(db, user.id, readHabit);
          await upsertCheckin(db, user.id, habit.id, '2026-11-20', {
            state: 'done',
            value: null,
            note: null,
          });
          await createSession(db, {
            id: `${user.id}-s`,
            userId: user.id,
            expiresAt: new Date(Date.now() + DAY_MS),
          });
          await saveIdempotencyRecord(db, {
            userId: user.id,
            key: 'k',
            requestHash: 'h',
            statusCode: 204,
            responseBody: null,
          });
        }
        expect(await deleteUser(db, gone.id)).toBe(true);
        expect(await deleteUser(db, gone.id)).toBe(false);

        const count = async (
          table:
            | typeof schema.habits
            | typeof schema.checkins
            | typeof schema.sessions
            | typeof schema.userSettings
            | typeof schema.idempotencyKeys,
          userId: string,
        ) =>
          (
            await db
              .select({ n: sql<number>`count(*)::int` })
              .from(table)
              .where(eq(table.userId, userId))
          )[0]!.n;
        for (const table of [
          schema.habits,
          schema.checkins,
          schema.sessions,
          schema.userSettings,
          schema.idempotencyKeys,
        ]) {
          expect(await count(table, gone.id)).toBe(0);
          expect(await count(table, kept.id)).toBe(1);
        }
        expect(await getUserById(db, gone.id)).toBeNull();
      });
    });

    describe('idempotency records', () => {
      it('stores the first response for a key; a duplicate inserts nothing', async () => {
        const user = await newUser();
        const body = { date: '2026-11-20', state: 'done', value: null, nested: { a: [1, 2] } };
        expect(
          await saveIdempotencyRecord(db, {
            userId: user.id,
            key: 'k1',
            requestHash: 'h1',
            statusCode: 200,
            responseBody: body,
          }),
        ).toBe(true);
        expect(
          await saveIdempotencyRecord(db, {
            userId: user.id,
            key: 'k1',
            requestHash: 'h2',
            statusCode: 201,
            responseBody: { other: true },
          }),
        ).toBe(false);
        expect(await findIdempotencyRecord(db, user.id, 'k1')).toEqual({
          requestHash: 'h1',
          statusCode: 200,
          responseBody: body,
        });
        // Keys are per user.
        const other = await newUser();
        expect(await findIdempotencyRecord(db, other.id, 'k1')).toBeNull();
        expect(
          await saveIdempotencyRecord(db, {
            userId: other.id,
            key: 'k1',
            requestHash: 'h',
            statusCode: 204,
            responseBody: null,
          }),
        ).toBe(true);
        expect(await findIdempotencyRecord(db, other.id, 'k1')).toEqual({
          requestHash: 'h',
          statusCode: 204,
          responseBody: null,
        });
      });

      it('concurrent duplicates: exactly one insert wins, the stored record is intact', async () => {
        const user = await newUser();
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            database.primary.transaction((tx) =>
              saveIdempotencyRecord(tx, {
                userId: user.id,
                key: 'race',
                requestHash: `h${i}`,
                statusCode: 200,
                responseBody: { i },
              }),
            ),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect(await findIdempotencyRecord(db, user.id, 'race')).toEqual({
          requestHash: `h${winner}`,
          statusCode: 200,
          responseBody: { i: winner },
        });
      });

      it('deletes records older than a cutoff', async () => {
        const user = await newUser();
        await saveIdempotencyRecord(db, {
          userId: user.id,
          key: 'old',
          requestHash: 'h',
          statusCode: 204,
          responseBody: null,
        });
        await db
          .update(schema.idempotencyKeys)
          .set({ createdAt: new Date('2000-01-01T00:00:00Z') })
          .where(
            and(eq(schema.idempotencyKeys.userId, user.id), eq(schema.idempotencyKeys.key, 'old')),
          );
        await saveIdempotencyRecord(db, {
          userId: user.id,
          key: 'new',
          requestHash: 'h',
          statusCode: 204,
          responseBody: null,
        });
        expect(
          await deleteOldIdempotencyRecords(db, new Date('2000-01-02T00:00:00Z')),
        ).toBeGreaterThanOrEqual(1);
        expect(await findIdempotencyRecord(db, user.id, 'old')).toBeNull();
        expect(await findIdempotencyRecord(db, user.id, 'new')).not.toBeNull();
      });
    });

    describe('transactions', () => {
      it('concurrent read-modify-write transactions do not interleave', async () => {
        const user = await newUser();
        const n = 12;
        await Promise.all(
          Array.from({ length: n }, () =>
            database.primary.transaction(async (tx) => {
              const [row] = await tx
                .select({ hour: schema.userSettings.dayStartHour })
                .from(schema.userSettings)
                .where(eq(schema.userSettings.userId, user.id))
                .for('update');
              await sleep(2); // invite another request in between
              await tx
                .update(schema.userSettings)
                .set({ dayStartHour: row!.hour + 1 })
                .where(eq(schema.userSettings.userId, user.id));
            }),
          ),
        );
        expect((await getSettings(db, user.id))?.dayStartHour).toBe(n);
      });

      it('a write outside a transaction is not swept into a concurrent rollback', async () => {
        const user = await newUser();
        const habit = await createHabit(db, user.id, readHabit);
        let inside!: () => void;
        const started = new Promise<void>((resolve) => {
          inside = resolve;
        });
        const failing = database.primary.transaction(async (tx) => {
          await upsertCheckin(tx, user.id, habit.id, '2026-01-01', {
            state: 'done',
            value: null,
            note: null,
          });
          inside();
          await sleep(20);
          throw new Error('roll back');
        });
        await started;
        const outside = upsertCheckin(db, user.id, habit.id, '2026-01-02', {
          state: 'done',
          value: null,
          note: null,
        });
        await expect(failing).rejects.toThrow('roll back');
        await outside;
        expect((await listCheckins(db, user.id, [habit.id])).map((c) => c.date)).toEqual([
          '2026-01-02',
        ]);
      });
    });
  });
}
