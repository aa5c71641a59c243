/**
 * Brute-force brakes on the auth routes. In memory, per machine: an attacker spread over many
 * machines gets a few times the budget, which is still far too little to guess a password, and
 * it costs no database writes (sign-in must stay cheap and must not need the primary).
 */
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
import { clientIp } from '../http/client-ip';

const FIFTEEN_MINUTES = 15 * 60;
const ONE_HOUR = 60 * 60;

export interface AuthRateLimits {
  /**
   * Failed sign-ins per email from browsers the account does not know: stops guessing one
   * account's password from many IPs. Exhausting it locks out only unknown browsers.
   */
  signInFailuresByEmail: RateLimiterMemory;
  /** Failed sign-ins per trusted device (auth/trusted-devices.ts): the owner's own allowance. */
  signInFailuresByDevice: RateLimiterMemory;
  /** Wrong passwords re-entered per session (change password, delete account). */
  passwordConfirmFailuresBySession: RateLimiterMemory;
  /** All sign-in attempts per client IP: stops one client spraying many accounts. */
  signInByIp: RateLimiterMemory;
  signUpByIp: RateLimiterMemory;
  /**
   * Password-reset emails asked for per address, known or not (the same answer either way):
   * stops one inbox being flooded. Separate from the sign-in budgets, so using it up never stops
   * the owner signing in with their password.
   */
  passwordResetByEmail: RateLimiterMemory;
  /** All password-reset requests per client IP: stops one client mailing many addresses. */
  passwordResetByIp: RateLimiterMemory;
  /** Reset-link confirmations per client IP (the tokens cannot be guessed; this is a brake). */
  passwordResetConfirmByIp: RateLimiterMemory;
  /** OpenID Connect starts and callbacks per client IP (each costs the issuer a round trip). */
  oidcByIp: RateLimiterMemory;
  /** Requests per personal API token (a script in a loop must not starve everyone else). */
  requestsByApiToken: RateLimiterMemory;
}

/** Reset emails one address may be sent per hour. */
export const PASSWORD_RESETS_PER_EMAIL = 3;

export function createAuthRateLimits(apiTokenRequestsPerMinute = 600): AuthRateLimits {
  return {
    signInFailuresByEmail: new RateLimiterMemory({
      keyPrefix: 'sign-in-email',
      points: 10,
      duration: FIFTEEN_MINUTES,
    }),
    signInFailuresByDevice: new RateLimiterMemory({
      keyPrefix: 'sign-in-device',
      points: 10,
      duration: FIFTEEN_MINUTES,
    }),
    passwordConfirmFailuresBySession: new RateLimiterMemory({
      keyPrefix: 'password-confirm-session',
      points: 10,
      duration: FIFTEEN_MINUTES,
    }),
    signInByIp: new RateLimiterMemory({
      keyPrefix: 'sign-in-ip',
      points: 50,
      duration: FIFTEEN_MINUTES,
    }),
    signUpByIp: new RateLimiterMemory({ keyPrefix: 'sign-up-ip', points: 20, duration: ONE_HOUR }),
    passwordResetByEmail: new RateLimiterMemory({
      keyPrefix: 'password-reset-email',
      points: PASSWORD_RESETS_PER_EMAIL,
      duration: ONE_HOUR,
    }),
    passwordResetByIp: new RateLimiterMemory({
      keyPrefix: 'password-reset-ip',
      points: 20,
      duration: ONE_HOUR,
    }),
    passwordResetConfirmByIp: new RateLimiterMemory({
      keyPrefix: 'password-reset-confirm-ip',
      points: 20,
      duration: FIFTEEN_MINUTES,
    }),
    oidcByIp: new RateLimiterMemory({
      keyPrefix: 'oidc-ip',
      points: 60,
      duration: FIFTEEN_MINUTES,
    }),
    requestsByApiToken: new RateLimiterMemory({
      keyPrefix: 'api-token',
      points: apiTokenRequestsPerMinute,
      duration: 60,
    }),
  };
}

function rateLimited(
  msBeforeNext: number,
  message = 'Too many attempts; try again later',
): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('rate_limited', message, undefined, {
    'Retry-After': String(seconds),
  });
}

/** Spends one point for `key`, or throws 429 `rate_limited` when the budget is gone. */
export async function consumeOrThrow(
  limiter: RateLimiterMemory,
  key: string,
  message?: string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext, message);
    throw rejection;
  }
}

/** Throws 429 when `key` has already used its budget, without spending a point. */
export async function assertNotExhausted(limiter: RateLimiterMemory, key: string): Promise<void> {
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= limiter.points) throw rateLimited(state.msBeforeNext);
}

/**
 * Route middleware spending one point of a per-IP budget before the body is even validated, so
 * malformed floods count too.
 */
export function limitByClientIp(
  pick: (limits: AuthRateLimits) => RateLimiterMemory,
): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { env, rateLimits } = c.var.deps;
    await consumeOrThrow(pick(rateLimits), clientIp(c, env.TRUST_PROXY));
    await next();
  });
}
