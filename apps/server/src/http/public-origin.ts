import type { Env } from '../env';

/**
 * The origin of a link we hand out (a reset email, an invite). A configured one always wins;
 * without it (development, tests) the request's own — never in production, where the env check
 * demands PUBLIC_ORIGIN for email, because a Host header can name any site and the link would
 * hand that site the token.
 */
export function publicOrigin(env: Env, requestUrl: string): string {
  if (env.PUBLIC_ORIGIN) return env.PUBLIC_ORIGIN;
  if (env.NODE_ENV === 'production') {
    throw new Error('PUBLIC_ORIGIN is required in production (checked at start)');
  }
  return new URL(requestUrl).origin;
}
