import * as db from '@habit-tracker/db';
import { defaultHabitColor } from '@habit-tracker/vocabulary';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthedEnv } from '../../context';
import { toHabit } from '../../dto/rows';
import { checkFailed, notFound } from '../../errors';
import type * as routes from './habits.routes';

const habitNotFound = () => notFound('Habit not found');

export const listHabits: RouteHandler<typeof routes.listHabits, AuthedEnv> = async (c) => {
  const { status } = c.req.valid('query');
  const habits = await db.listHabits(c.var.db.read, c.var.user.id, status);
  return c.json({ habits: habits.map(toHabit) }, 200);
};

export const createHabit: RouteHandler<typeof routes.createHabit, AuthedEnv> = async (c) => {
  const { user, today } = c.var;
  const input = c.req.valid('json');
  const habit = await c.var.db.transaction(async (tx) => {
    await assertOwnGroup(tx, user.id, input.groupId);
    const color = input.color ?? (await nextPaletteColor(tx, user.id));
    return db.createHabit(tx, user.id, {
      ...input,
      color,
      icon: input.icon ?? '',
      startDate: today,
    });
  });
  return c.json(toHabit(habit), 201);
};

/** A habit goes only into one of its owner's groups; another user's is as good as missing. */
async function assertOwnGroup(tx: db.Db, userId: string, groupId: string | null | undefined) {
  if (groupId && !(await db.isOwnGroup(tx, userId, groupId))) {
    throw checkFailed('groupId', 'unknown_reference', 'No such group');
  }
}

async function nextPaletteColor(tx: db.Db, userId: string): Promise<string> {
  const existing = await db.listHabits(tx, userId, 'all');
  return defaultHabitColor(existing.length);
}

export const reorderHabits: RouteHandler<typeof routes.reorderHabits, AuthedEnv> = async (c) => {
  const { ids } = c.req.valid('json');
  const userId = c.var.user.id;
  const habits = await c.var.db.transaction(async (tx) => {
    if (!(await db.reorderHabits(tx, userId, ids))) return null;
    return db.listHabits(tx, userId, 'active');
  });
  if (!habits) {
    throw checkFailed(
      'ids',
      'exactly_once',
      'List every active habit exactly once',
      {},
      'ids must name every active habit exactly once',
    );
  }
  return c.json({ habits: habits.map(toHabit) }, 200);
};

export const getHabit: RouteHandler<typeof routes.getHabit, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const habit = await db.getHabit(c.var.db.read, c.var.user.id, id);
  if (!habit) throw habitNotFound();
  return c.json(toHabit(habit), 200);
};

export const patchHabit: RouteHandler<typeof routes.patchHabit, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const patch = c.req.valid('json');
  const habit = await c.var.db.transaction(async (tx) => {
    await assertOwnGroup(tx, c.var.user.id, patch.groupId);
    return db.updateHabit(tx, c.var.user.id, id, patch);
  });
  if (!habit) throw habitNotFound();
  return c.json(toHabit(habit), 200);
};

export const archiveHabit: RouteHandler<typeof routes.archiveHabit, AuthedEnv> = async (c) =>
  c.json(toHabit(await setArchived(c, c.req.valid('param').id, true)), 200);

export const unarchiveHabit: RouteHandler<typeof routes.unarchiveHabit, AuthedEnv> = async (c) =>
  c.json(toHabit(await setArchived(c, c.req.valid('param').id, false)), 200);

async function setArchived(c: Context<AuthedEnv>, id: string, archived: boolean) {
  const now = c.var.deps.clock();
  const habit = await db.setHabitArchived(c.var.db.write, c.var.user.id, id, archived, now);
  if (!habit) throw habitNotFound();
  return habit;
}

export const deleteHabit: RouteHandler<typeof routes.deleteHabit, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  if (!(await db.deleteHabit(c.var.db.write, c.var.user.id, id))) throw habitNotFound();
  return c.body(null, 204);
};
