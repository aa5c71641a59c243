/**
 * `requireAuth`: the session cookie → `c.var.user`, `c.var.settings`, `c.var.sessionId` and the
 * user's `c.var.today`, or 401.
 * Attached per route (in each route's contract), so unknown paths stay 404 and the OpenAPI
 * document says which routes need a session.
 *
 * `requireAuthWithToday` (GET /today, the app's home screen) does the same in the same one
 * statement that reads the Today view, when this process knows the session's calendar.
 */
import { localDateOf } from '@habit-tracker/core';
import {
  extendSession,
  type FoundSession,
  findSessionWithToday,
  findSessionWithUser,
} from '@habit-tracker/db';
import type { Context } from 'hono';
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

/** Finds a live session with its user and settings, or null; may set more request variables. */
type SessionLookup = (
  c: Context<AuthedEnv>,
  sessionId: string,
  now: Date,
) => Promise<FoundSession | null>;

export const requireAuth = sessionMiddleware((c, sessionId, now) =>
  findSessionWithUser(c.var.db.read, sessionId, now),
);

export const requireAuthWithToday = sessionMiddleware(async (c, sessionId, now) => {
  const calendar = c.var.deps.calendars.get(sessionId);
  if (!calendar) return findSessionWithUser(c.var.db.read, sessionId, now);
  const guess = { today: localDateOf(now, calendar), weekStart: calendar.weekStart };
  const result = await findSessionWithToday(c.var.db.read, sessionId, now, guess);
  if (!result) return null;
  c.set('prefetchedToday', { ...guess, habits: result.habits });
  return result.found;
});

function sessionMiddleware(lookup: SessionLookup) {
  return createMiddleware<AuthedEnv>(async (c, next) => {
    const { env, clock } = c.var.deps;
    const token = readSessionCookie(c, env);
    if (!token) throw unauthenticated();
    if (!isWellFormedToken(token)) {
      clearSessionCookie(c, env);
      throw unauthenticated();
    }
    const now = clock();
    const sessionId = sessionIdFromToken(token);
    const found = await lookup(c, sessionId, now);
    if (!found) {
      c.var.deps.calendars.forget(sessionId);
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
    c.var.deps.calendars.remember(sessionId, found.settings);
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
}

function unauthenticated() {
  return new AppError('unauthenticated', 'Sign in first');
}
