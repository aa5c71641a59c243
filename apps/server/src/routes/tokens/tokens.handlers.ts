import { API_TOKEN_LIMITS } from '@habit-tracker/contract';
import * as db from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import { apiTokenHash, generateApiTokenSecret } from '../../auth/api-tokens';
import type { AuthedEnv } from '../../context';
import { toApiToken } from '../../dto/rows';
import { checkFailed, notFound } from '../../errors';
import type * as routes from './tokens.routes';

const DAY_MS = 24 * 60 * 60 * 1000;

export const listTokens: RouteHandler<typeof routes.listTokens, AuthedEnv> = async (c) => {
  const tokens = await db.listApiTokens(c.var.db.read, c.var.user.id);
  c.header('Cache-Control', 'no-store');
  return c.json({ tokens: tokens.map(toApiToken) }, 200);
};

export const createToken: RouteHandler<typeof routes.createToken, AuthedEnv> = async (c) => {
  const { name, scope, expiresInDays } = c.req.valid('json');
  const { user } = c.var;
  const now = c.var.deps.clock();
  const secret = generateApiTokenSecret();
  const token = await c.var.db.transaction((tx) =>
    db.createApiToken(
      tx,
      {
        userId: user.id,
        name,
        scope,
        tokenHash: apiTokenHash(secret),
        expiresAt: expiresInDays ? new Date(now.getTime() + expiresInDays * DAY_MS) : null,
      },
      API_TOKEN_LIMITS.perUser,
    ),
  );
  if (!token) {
    throw checkFailed(
      '',
      'limit_reached',
      `At most ${API_TOKEN_LIMITS.perUser} tokens; revoke one first`,
      { maximum: API_TOKEN_LIMITS.perUser },
      'Too many API tokens',
    );
  }
  // The secret leaves the server this once: no cache may keep the answer.
  c.header('Cache-Control', 'no-store');
  return c.json({ token: toApiToken(token), secret }, 201);
};

export const deleteToken: RouteHandler<typeof routes.deleteToken, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const deleted = await db.deleteApiToken(c.var.db.write, c.var.user.id, id);
  if (!deleted) throw notFound('Token not found');
  return c.body(null, 204);
};
