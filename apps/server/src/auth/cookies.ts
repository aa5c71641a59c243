/**
 * The session cookie. In production it carries the `__Host-` prefix, which browsers accept only
 * with Secure, Path=/ and no Domain: the cookie cannot be set by a sibling subdomain or over
 * plain HTTP. Local development runs on http://localhost, where Secure would drop the cookie.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Env } from '../env';

export function sessionCookieName(env: Pick<Env, 'NODE_ENV'>): string {
  return env.NODE_ENV === 'production' ? '__Host-ht_session' : 'ht_session';
}

export function readSessionCookie(c: Context, env: Env): string | undefined {
  return getCookie(c, sessionCookieName(env));
}

export function writeSessionCookie(c: Context, env: Env, token: string): void {
  const secure = env.NODE_ENV === 'production';
  setCookie(c, sessionCookieName(env), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    maxAge: env.SESSION_TTL_DAYS * 24 * 60 * 60,
  });
}

export function clearSessionCookie(c: Context, env: Env): void {
  deleteCookie(c, sessionCookieName(env), {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: env.NODE_ENV === 'production',
  });
}
