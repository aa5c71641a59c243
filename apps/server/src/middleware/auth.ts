/**
 * `requireAuth`: the session cookie → `c.var.user`, `c.var.settings`, `c.var.sessionId` and the
 * user's `c.var.today`, or 401. Session only: the account and token routes (auth, settings,
 * tokens, push devices) answer a request carrying `Authorization: Bearer` with 403
 * `token_not_allowed`, even when it also carries a valid cookie.
 * Attached per route (in each route's contract), so unknown paths stay 404 and the OpenAPI
 * document says which routes need a session.
 *
 * `requireAuthOrToken`: the same, or a personal API token (`Authorization: Bearer ht_…`) for the
 * data routes (docs/decisions/0024-personal-api-tokens.md). A request with a bearer header is
 * judged by the token alone, whatever cookie it carries: a page cannot set that header on a
 * cross-site request, so the cookie's authority is never reached without the CSRF check.
 *
 * `requireAuthWithToday` (GET /today, the app's home screen) does the same as
 * `requireAuthOrToken`, with a session in the same one statement that reads the Today view, when
 * this process knows the session's calendar.
 */
import { localDateOf } from '@habit-tracker/core';
import {
  extendSession,
  type FoundSession,
  findApiTokenWithUser,
  findSessionWithToday,
  findSessionWithUser,
} from '@habit-tracker/db';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { apiTokenHash, bearerSecret, isWellFormedApiToken } from '../auth/api-tokens';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../auth/cookies';
import { consumeOrThrow } from '../auth/rate-limits';
import {
  isWellFormedToken,
  sessionExpiry,
  sessionIdFromToken,
  shouldExtendSession,
} from '../auth/session-tokens';
import type { AppEnv, AuthedEnv } from '../context';
import { AppError } from '../errors';
import { setFinalHeader } from '../http/response-headers';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Finds a live session with its user and settings, or null; may set more request variables. */
type SessionLookup = (
  c: Context<AuthedEnv>,
  sessionId: string,
  now: Date,
) => Promise<FoundSession | null>;

const findSession: SessionLookup = (c, sessionId, now) =>
  findSessionWithUser(c.var.db.read, sessionId, now);

export const requireAuth = sessionMiddleware(findSession, { tokens: false });

export const requireAuthOrToken = sessionMiddleware(findSession, { tokens: true });

export const requireAuthWithToday = sessionMiddleware(
  async (c, sessionId, now) => {
    const calendar = c.var.deps.calendars.get(sessionId);
    if (!calendar) return findSessionWithUser(c.var.db.read, sessionId, now);
    const guess = { today: localDateOf(now, calendar), weekStart: calendar.weekStart };
    const result = await findSessionWithToday(c.var.db.read, sessionId, now, guess);
    if (!result) return null;
    c.set('prefetchedToday', { ...guess, habits: result.habits });
    return result.found;
  },
  { tokens: true },
);

/**
 * For a session route without `requireAuth` (sign-out acts on whatever cookie comes): a request
 * with a bearer header is the token's, never the cookie's, so it is refused here too.
 */
export const refuseApiTokens = createMiddleware<AppEnv>(async (c, next) => {
  if (bearerSecret(c.req.header('authorization')) !== undefined) throw tokenNotAllowed();
  await next();
});

function tokenNotAllowed() {
  return new AppError(
    'token_not_allowed',
    'API tokens cannot manage the account or tokens; sign in instead',
  );
}

function sessionMiddleware(lookup: SessionLookup, options: { tokens: boolean }) {
  return createMiddleware<AuthedEnv>(async (c, next) => {
    const { env, clock } = c.var.deps;
    const secret = bearerSecret(c.req.header('authorization'));
    if (secret !== undefined) {
      if (!options.tokens) throw tokenNotAllowed();
      await authenticateToken(c, secret);
      await next();
      markPrivate(c, 'Authorization');
      return;
    }
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
    markPrivate(c, 'Cookie');
  });
}

/**
 * The bearer path: a live token → the same request variables as a session (`sessionId` is the
 * token's id, so per-session caches never mix the two), its scope enforced, its rate spent and
 * its use noted in memory — never written by this request (auth/api-token-usage.ts).
 */
async function authenticateToken(c: Context<AuthedEnv>, secret: string): Promise<void> {
  const { clock, rateLimits, apiTokenUsage } = c.var.deps;
  if (!isWellFormedApiToken(secret)) throw invalidToken();
  const now = clock();
  const found = await findApiTokenWithUser(c.var.db.read, apiTokenHash(secret), now);
  if (!found) throw invalidToken();
  await consumeOrThrow(
    rateLimits.requestsByApiToken,
    found.token.id,
    'Too many requests with this API token; try again later',
  );
  if (found.token.scope !== 'read_write' && !READ_METHODS.has(c.req.method)) {
    throw new AppError('token_scope', 'This API token can only read; create a read-write one');
  }
  apiTokenUsage.note(found.token.id, now);
  c.set('user', found.user);
  c.set('settings', found.settings);
  c.set('sessionId', `token:${found.token.id}`);
  c.set('today', localDateOf(now, found.settings));
}

/**
 * One user's data: a browser may keep it but must revalidate (ETag, where the route sets one),
 * and no shared cache may keep it at all. Routes that say more (no-store) keep their own.
 */
function markPrivate(c: Context<AuthedEnv>, varyOn: 'Cookie' | 'Authorization') {
  const type = c.res.headers.get('content-type') ?? '';
  if (type.includes('json') && !c.res.headers.has('cache-control')) {
    setFinalHeader(c, 'Cache-Control', 'private, no-cache');
    if (!new RegExp(`\\b${varyOn}\\b`, 'i').test(c.res.headers.get('vary') ?? '')) {
      setFinalHeader(c, 'Vary', varyOn, { append: true });
    }
  }
}

function invalidToken() {
  return new AppError('unauthenticated', 'This API token is unknown, revoked or expired');
}

function unauthenticated() {
  return new AppError('unauthenticated', 'Sign in first');
}
