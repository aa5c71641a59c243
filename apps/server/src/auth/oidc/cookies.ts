/**
 * The two short-lived cookies of an OpenID Connect sign-in. Each holds only a random token; the
 * database keeps its SHA-256 with what it stands for (docs/decisions/0027-openid-connect.md):
 * - the login cookie binds a sign-in under way to the browser that started it (10 minutes);
 * - the pending-link cookie names an issuer identity waiting for the owner of an existing
 *   account to sign in with their password (15 minutes).
 * httpOnly, SameSite=Lax (the issuer's redirect back is a top-level GET, which Lax lets through),
 * and `__Host-` in production like the session cookie.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Env } from '../../env';
import { isWellFormedToken } from '../session-tokens';

export const LOGIN_MINUTES = 10;
export const PENDING_LINK_MINUTES = 15;

type Kind = 'login' | 'link';

function cookieName(env: Pick<Env, 'NODE_ENV'>, kind: Kind): string {
  const name = kind === 'login' ? 'ht_oidc' : 'ht_oidc_link';
  return env.NODE_ENV === 'production' ? `__Host-${name}` : name;
}

function options(env: Pick<Env, 'NODE_ENV'>) {
  return {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: env.NODE_ENV === 'production',
  } as const;
}

export function writeOidcCookie(c: Context, env: Env, kind: Kind, token: string): void {
  const minutes = kind === 'login' ? LOGIN_MINUTES : PENDING_LINK_MINUTES;
  setCookie(c, cookieName(env, kind), token, { ...options(env), maxAge: minutes * 60 });
}

/** The cookie's token when it is well formed; the cookie is cleared either way (single use). */
export function takeOidcCookie(c: Context, env: Env, kind: Kind): string | undefined {
  const value = getCookie(c, cookieName(env, kind));
  if (value === undefined) return undefined;
  deleteCookie(c, cookieName(env, kind), options(env));
  return isWellFormedToken(value) ? value : undefined;
}

export function hasOidcCookie(c: Context, env: Env, kind: Kind): boolean {
  return getCookie(c, cookieName(env, kind)) !== undefined;
}
