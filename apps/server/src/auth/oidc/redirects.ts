/**
 * Where the OpenID Connect routes send the browser. Only fixed paths of this app: no return
 * address ever comes from the request, so there is nothing to turn into an open redirect.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../context';

/** Codes the sign-in and Settings screens turn into a sentence (web: account/oidc-errors). */
export type OidcErrorCode =
  | 'provider_unavailable'
  | 'state'
  | 'cancelled'
  | 'failed'
  | 'no_email'
  | 'email_unverified'
  | 'identity_in_use'
  | 'signed_out'
  // Sign-up control (docs/decisions/0028-sign-up-control.md) refused to make the account.
  | 'signup_closed'
  | 'invite_invalid'
  | 'invite_expired';

export function redirectTo(c: Context<AppEnv>, path: '/' | '/sign-in' | '/settings', query = {}) {
  const search = new URLSearchParams(query).toString();
  c.header('Cache-Control', 'no-store');
  return c.redirect(search ? `${path}?${search}` : path, 302);
}

export function redirectWithError(c: Context<AppEnv>, code: OidcErrorCode, toSettings = false) {
  return redirectTo(c, toSettings ? '/settings' : '/sign-in', { oidc_error: code });
}

/**
 * The redirect URI registered at the issuer: exact, from PUBLIC_ORIGIN. Outside production
 * without it, the request's own origin (development, tests); env.ts demands it in production.
 */
export function redirectUri(c: Context<AppEnv>, providerId: string): string {
  const { env } = c.var.deps;
  const origin = env.PUBLIC_ORIGIN ?? new URL(c.req.url).origin;
  if (env.PUBLIC_ORIGIN === undefined && env.NODE_ENV === 'production') {
    throw new Error('PUBLIC_ORIGIN is required in production (checked at start)');
  }
  return `${origin}/api/v1/auth/oidc/${encodeURIComponent(providerId)}/callback`;
}
