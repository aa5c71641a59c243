import { INVITE_LIMITS } from '@habit-tracker/contract';
import * as db from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import { issueInvite } from '../../auth/invites';
import type { AppEnv, AuthedEnv } from '../../context';
import { toInvite } from '../../dto/rows';
import { notFound } from '../../errors';
import { publicOrigin } from '../../http/public-origin';
import type * as routes from './invites.routes';

export const getSignupMode: RouteHandler<typeof routes.getSignupMode, AppEnv> = (c) => {
  // The mode changes only with a restart: a minute of caching costs nothing.
  c.header('Cache-Control', 'public, max-age=60');
  return c.json({ mode: c.var.deps.env.SIGNUP_MODE }, 200);
};

export const listInvites: RouteHandler<typeof routes.listInvites, AuthedEnv> = async (c) => {
  const invites = await db.listSignupInvites(c.var.db.read, INVITE_LIMITS.listMax);
  c.header('Cache-Control', 'no-store');
  return c.json({ invites: invites.map(toInvite) }, 200);
};

export const createInvite: RouteHandler<typeof routes.createInvite, AuthedEnv> = async (c) => {
  const input = c.req.valid('json');
  const { invite, link } = await issueInvite(
    c.var.db.write,
    { createdBy: c.var.user.id, ...input },
    c.var.deps.clock(),
    publicOrigin(c.var.deps.env, c.req.url),
  );
  // The link leaves the server this once: no cache may keep the answer.
  c.header('Cache-Control', 'no-store');
  return c.json({ invite: toInvite(invite), link }, 201);
};

export const deleteInvite: RouteHandler<typeof routes.deleteInvite, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  if (!(await db.deleteSignupInvite(c.var.db.write, id))) throw notFound('Invite not found');
  return c.body(null, 204);
};
