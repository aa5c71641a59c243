import type { Vacation, VacationInput } from '@habit-tracker/contract';
import { daysBetween, type Weekday } from '@habit-tracker/core';
import * as db from '@habit-tracker/db';
import { REMINDER_LIMITS } from '@habit-tracker/vocabulary';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { checkFailed, notFound } from '../../errors';
import { refreshSummaries, writeSkipsInTransaction } from '../../jobs/reminders/vacation-skips';
import type * as routes from './vacations.routes';

function toVacation(row: db.VacationRow): Vacation {
  return {
    id: row.id,
    from: row.from,
    to: row.to,
    habitIds: row.habitIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Input = { from: string; to: string; habitIds: string[] | null };

async function checkInput(tx: db.Db, userId: string, input: Input): Promise<void> {
  if (input.to < input.from) {
    throw checkFailed('to', 'date_order', '`to` must not be before `from`');
  }
  if (daysBetween(input.from, input.to) + 1 > REMINDER_LIMITS.vacationDays) {
    throw checkFailed(
      'to',
      'too_big',
      `A vacation lasts at most ${REMINDER_LIMITS.vacationDays} days`,
      { maximum: REMINDER_LIMITS.vacationDays, origin: 'days' },
    );
  }
  if (
    input.habitIds &&
    (await db.countOwnHabits(tx, userId, input.habitIds)) !== input.habitIds.length
  ) {
    throw checkFailed('habitIds', 'unknown_reference', 'Some of these habits do not exist');
  }
}

/**
 * After a vacation is created or edited: its days already begun are skips at once (later ones as
 * they begin: the reminder sender); then the vacation as it now stands.
 */
async function skipBegunDays(
  tx: db.Db,
  userId: string,
  id: string,
  input: Input,
  today: string,
  weekStart: Weekday,
): Promise<db.VacationRow | null> {
  await writeSkipsInTransaction(tx, { id, userId, ...input, skipsThrough: null }, today, weekStart);
  return db.getVacation(tx, userId, id);
}

export const listVacations: RouteHandler<typeof routes.listVacations, AuthedEnv> = async (c) => {
  const rows = await db.listVacations(c.var.db.read, c.var.user.id);
  return c.json({ vacations: rows.map(toVacation) }, 200);
};

export const createVacation: RouteHandler<typeof routes.createVacation, AuthedEnv> = async (c) => {
  const input = c.req.valid('json') as Required<VacationInput> as Input;
  const { user, settings, today } = c.var;
  const row = await c.var.db.transaction(async (tx) => {
    await checkInput(tx, user.id, input);
    if ((await db.listVacations(tx, user.id)).length >= REMINDER_LIMITS.vacations) {
      throw checkFailed(
        '',
        'limit_reached',
        `At most ${REMINDER_LIMITS.vacations} vacations; delete old ones first`,
        { maximum: REMINDER_LIMITS.vacations },
      );
    }
    const id = await db.createVacation(tx, user.id, input);
    return skipBegunDays(tx, user.id, id, input, today, settings.weekStart);
  });
  return c.json(toVacation(row!), 201);
};

export const putVacation: RouteHandler<typeof routes.putVacation, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const input = c.req.valid('json') as Required<VacationInput> as Input;
  const { user, settings, today } = c.var;
  const row = await c.var.db.transaction(async (tx) => {
    if (!(await db.getVacation(tx, user.id, id))) return null;
    await checkInput(tx, user.id, input);
    const removed = await db.removeVacationSkips(tx, user.id, id, input);
    await refreshSummaries(tx, user.id, removed, today, settings.weekStart);
    await db.updateVacation(tx, user.id, id, input);
    return skipBegunDays(tx, user.id, id, input, today, settings.weekStart);
  });
  if (!row) throw notFound('Vacation not found');
  return c.json(toVacation(row), 200);
};

export const deleteVacation: RouteHandler<typeof routes.deleteVacation, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { user, settings, today } = c.var;
  const deleted = await c.var.db.transaction(async (tx) => {
    if (!(await db.getVacation(tx, user.id, id))) return false;
    const removed = await db.removeVacationSkips(tx, user.id, id, null);
    await refreshSummaries(tx, user.id, removed, today, settings.weekStart);
    return db.deleteVacation(tx, user.id, id);
  });
  if (!deleted) throw notFound('Vacation not found');
  return c.body(null, 204);
};
