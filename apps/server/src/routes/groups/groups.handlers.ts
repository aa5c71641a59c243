import * as db from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { toGroup, toHabit } from '../../dto/rows';
import { checkFailed, notFound } from '../../errors';
import type * as routes from './groups.routes';

const groupNotFound = () => notFound('Group not found');

export const listGroups: RouteHandler<typeof routes.listGroups, AuthedEnv> = async (c) => {
  const groups = await db.listGroups(c.var.db.read, c.var.user.id);
  return c.json({ groups: groups.map(toGroup) }, 200);
};

export const createGroup: RouteHandler<typeof routes.createGroup, AuthedEnv> = async (c) => {
  const { name } = c.req.valid('json');
  const group = await db.createGroup(c.var.db.write, c.var.user.id, name);
  return c.json(toGroup(group), 201);
};

export const renameGroup: RouteHandler<typeof routes.renameGroup, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { name } = c.req.valid('json');
  const group = await db.renameGroup(c.var.db.write, c.var.user.id, id, name);
  if (!group) throw groupNotFound();
  return c.json(toGroup(group), 200);
};

export const deleteGroup: RouteHandler<typeof routes.deleteGroup, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  if (!(await db.deleteGroup(c.var.db.write, c.var.user.id, id))) throw groupNotFound();
  return c.body(null, 204);
};

export const putLayout: RouteHandler<typeof routes.putLayout, AuthedEnv> = async (c) => {
  const userId = c.var.user.id;
  const layout = c.req.valid('json');
  const saved = await c.var.db.transaction(async (tx) => {
    if (!(await db.setLayout(tx, userId, layout))) return null;
    const [groups, habits] = await Promise.all([
      db.listGroups(tx, userId),
      db.listHabits(tx, userId, 'active'),
    ]);
    return { groups, habits };
  });
  if (!saved) {
    throw checkFailed(
      'groups',
      'exactly_once',
      'Name every group and every active habit exactly once',
      {},
      'The layout must name every group and every active habit exactly once',
    );
  }
  return c.json({ groups: saved.groups.map(toGroup), habits: saved.habits.map(toHabit) }, 200);
};
