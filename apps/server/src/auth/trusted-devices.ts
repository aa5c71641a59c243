/**
 * OWASP's device cookie, so that sign-in throttling cannot be turned against the owner
 * (docs/decisions/0012-sign-in-throttling.md). A browser that has signed in to an account gets a
 * long-lived, httpOnly cookie holding a random token; the database keeps the token's SHA-256 with
 * the account. Failed sign-ins from such a browser count against that browser's own allowance;
 * everyone else — strangers guessing from any number of addresses — shares the account's
 * allowance for unknown browsers, and exhausting it locks out only them.
 */
import { addTrustedDevice, type Db, findTrustedDevice } from '@habit-tracker/db';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Env } from '../env';
import { generateSessionToken, isWellFormedToken, sessionIdFromToken } from './session-tokens';

/** How long a browser stays known after it signed in (browsers cap cookies at 400 days). */
export const TRUSTED_DEVICE_DAYS = 365;
/** Accounts one browser is remembered for (people share a family computer). */
const TOKENS_PER_BROWSER = 4;
/** Browsers one account remembers; the oldest are forgotten first. */
const DEVICES_PER_ACCOUNT = 20;

export function deviceCookieName(env: Pick<Env, 'NODE_ENV'>): string {
  return env.NODE_ENV === 'production' ? '__Host-ht_device' : 'ht_device';
}

function cookieTokens(c: Context, env: Env): string[] {
  const value = getCookie(c, deviceCookieName(env)) ?? '';
  return value.split('.').filter(isWellFormedToken).slice(0, TOKENS_PER_BROWSER);
}

/** The id of this browser's trusted device for `userId`, if it is one. */
export async function trustedDeviceOf(
  c: Context,
  env: Env,
  db: Db,
  userId: string,
  now: Date,
): Promise<string | null> {
  const ids = cookieTokens(c, env).map(sessionIdFromToken);
  return findTrustedDevice(db, userId, ids, now);
}

/** Remembers this browser for `userId` (after a correct password) and sets its cookie. */
export async function rememberDevice(
  c: Context,
  env: Env,
  db: Db,
  userId: string,
  now: Date,
): Promise<void> {
  const token = generateSessionToken();
  const maxAge = TRUSTED_DEVICE_DAYS * 24 * 60 * 60;
  await addTrustedDevice(
    db,
    {
      id: sessionIdFromToken(token),
      userId,
      expiresAt: new Date(now.getTime() + maxAge * 1000),
    },
    DEVICES_PER_ACCOUNT,
    now,
  );
  const tokens = [token, ...cookieTokens(c, env)].slice(0, TOKENS_PER_BROWSER);
  setCookie(c, deviceCookieName(env), tokens.join('.'), {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: env.NODE_ENV === 'production',
    maxAge,
  });
}
