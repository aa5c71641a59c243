/**
 * What every way of signing in shares: a new session (the cookie) and a remembered browser, and
 * the pending issuer link (if this browser brought one) completed now that the owner has proved
 * the account.
 */
import {
  createSession,
  type Db,
  findSessionWithUser,
  linkOidcIdentity,
  takeOidcPendingLink,
} from '@habit-tracker/db';
import type { Context } from 'hono';
import type { AppEnv } from '../../context';
import { readSessionCookie, writeSessionCookie } from '../cookies';
import {
  generateSessionToken,
  isWellFormedToken,
  sessionExpiry,
  sessionIdFromToken,
} from '../session-tokens';
import { rememberDevice } from '../trusted-devices';
import { hasOidcCookie, takeOidcCookie } from './cookies';

export async function startSession(c: Context<AppEnv>, db: Db, userId: string): Promise<void> {
  const { env, clock } = c.var.deps;
  const token = generateSessionToken();
  await createSession(db, {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: sessionExpiry(clock(), env.SESSION_TTL_DAYS),
  });
  writeSessionCookie(c, env, token);
  await rememberDevice(c, env, db, userId, clock());
}

/**
 * After `userId` proved the account (password, or an issuer already linked to it): links the
 * identity this browser's pending-link cookie names, if it names one for this account. Returns
 * the provider id linked, or null.
 */
export async function completePendingLink(
  c: Context<AppEnv>,
  db: Db,
  userId: string,
): Promise<string | null> {
  const { env, clock } = c.var.deps;
  if (!hasOidcCookie(c, env, 'link')) return null;
  const token = takeOidcCookie(c, env, 'link');
  if (!token) return null;
  const pending = await takeOidcPendingLink(db, sessionIdFromToken(token), userId, clock());
  if (!pending) return null;
  const linked = await linkOidcIdentity(db, { ...pending, userId });
  return linked ? pending.providerId : null;
}

/** The signed-in user of this request's session cookie, if any (for routes without requireAuth). */
export async function sessionUserId(c: Context<AppEnv>, db: Db): Promise<string | null> {
  const { env, clock } = c.var.deps;
  const token = readSessionCookie(c, env);
  if (!token || !isWellFormedToken(token)) return null;
  const found = await findSessionWithUser(db, sessionIdFromToken(token), clock());
  return found?.user.id ?? null;
}
