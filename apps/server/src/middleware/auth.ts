/**
 * `requireAuth`: the session cookie → `c.var.user`, `c.var.settings`, `c.var.sessionId` and the
 * user's `c.var.today`, or 401.
 * Attached per route (in each route's contract), so unknown paths stay 404 and the OpenAPI
 * document says which routes need a session.
 */
import { localDateOf } from '@habit-tracker/core';
import { extendSession, findSessionWithUser } from '@habit-tracker/db';
import { createMiddleware } from 'hono/factory';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../auth/cookies';
import {
  isWellFormedToken,
  sessionExpiry,
  sessionIdFromToken,
  shouldExtendSession,
} from '../auth/session-tokens';
import type { AuthedEnv } from '../context';
import { AppError } from '../errors';
import { setFinalHeader } from '../http/response-headers';

const READ_METHODS = new Set(['GET', 'HEAD']);

export const requireAuth = createMiddleware<AuthedEnv>(async (c, next) => {
  const { env, clock } = c.var.deps;
  const token = readSessionCookie(c, env);
  if (!token) throw unauthenticated();
  if (!isWellFormedToken(token)) {
    clearSessionCookie(c, env);
    throw unauthenticated();
  }
  const now = clock();
  const sessionId = sessionIdFromToken(token);
  const found = await findSessionWithUser(c.var.db.read, sessionId, now);
  if (!found) {
    clearSessionCookie(c, env);
    throw unauthenticated();
  }
  // Reads never write (they must run on read-only replicas): a session slides forward only on
  // a state-changing request, and only once it is past half its lifetime, so at most one extra
  // write per session per half-TTL. See docs/decisions/0002-auth-and-sessions.md.
  if (
    !READ_METHODS.has(c.req.method) &&
    shouldExtendSession(found.session.expiresAt, now, env.SESSION_TTL_DAYS)
  ) {
    await extendSession(c.var.db.write, sessionId, sessionExpiry(now, env.SESSION_TTL_DAYS));
    writeSessionCookie(c, env, token);
  }
  c.set('user', found.user);
  c.set('settings', found.settings);
  c.set('sessionId', sessionId);
  c.set('today', localDateOf(now, found.settings));
  await next();
  // One user's data: a browser may keep it but must revalidate (ETag, where the route sets one),
  // and no shared cache may keep it at all. Routes that say more (no-store) keep their own.
  const type = c.res.headers.get('content-type') ?? '';
  if (type.includes('json') && !c.res.headers.has('cache-control')) {
    setFinalHeader(c, 'Cache-Control', 'private, no-cache');
    if (!/\bcookie\b/i.test(c.res.headers.get('vary') ?? '')) {
      setFinalHeader(c, 'Vary', 'Cookie', { append: true });
    }
  }
});

function unauthenticated() {
  return new AppError('unauthenticated', 'Sign in first');
}
