import { updateSettings } from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { toSettings } from '../../dto/rows';
import { notFound } from '../../errors';
import type * as routes from './settings.routes';

export const getSettings: RouteHandler<typeof routes.getSettings, AuthedEnv> = (c) =>
  c.json(toSettings(c.var.settings), 200);

export const patchSettings: RouteHandler<typeof routes.patchSettings, AuthedEnv> = async (c) => {
  const patch = c.req.valid('json'); // a time zone arrives in its canonical spelling
  const updated = await updateSettings(c.var.db.write, c.var.user.id, patch);
  // Only possible if the account was deleted between the session lookup and this update.
  if (!updated) throw notFound('Account not found');
  return c.json(toSettings(updated), 200);
};
